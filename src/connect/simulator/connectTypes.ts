import type { components } from '../schema';

/** Connect's objects as the generated schema declares them; the simulator stores and answers these shapes. */
type Schemas = components['schemas'];

export type AttributeItem = Schemas['AttributeItem'];
export type Appointment = Schemas['Appointment'];
export type AvailabilityDay = Schemas['AvailabilityDay'];
export type AvailabilityPlanningWindow = Schemas['AvailabilityPlanningWindow'];
export type BookSubContractorOrderUpdate = Schemas['BookSubContractorOrderUpdate'];
export type Code = Schemas['Code'];
export type Customer = Schemas['Customer'];
export type CustomerModel = Schemas['CustomerModel'];
export type ConnectError = Schemas['Error'];
export type JobCode = Schemas['JobCode'];
export type PlanningWindow = Schemas['PlanningWindow'];
export type PurchaseInvoice = Schemas['PurchaseInvoice'];
export type RateBook = Schemas['RateBook'];
export type ResponseCallback = Schemas['ResponseCallback'];
export type SalesOrder = Schemas['SalesOrder'];
export type UserAccount = Schemas['UserAccount'];
export type MessagingPreference = Schemas['MessagingPreference'];
export type VisitResultType = Schemas['VisitResultType'];
