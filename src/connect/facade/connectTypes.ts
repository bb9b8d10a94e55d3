import type { components } from '../schema';

/**
 * Friendly names for the generated Connect types. They keep Connect's PascalCase members: the
 * façade's edge is where the bot's camelCase world meets them.
 */
type Schemas = components['schemas'];

export type Address = Schemas['Address'];
export type Appointment = Schemas['Appointment'];
export type Attribute = Schemas['Attribute'];
export type AttributeItem = Schemas['AttributeItem'];
export type Availability = Schemas['Availability'];
export type AvailabilityDay = Schemas['AvailabilityDay'];
export type AvailabilityPlanningWindow = Schemas['AvailabilityPlanningWindow'];
export type AvailabilityResponse = Schemas['AvailabilityResponse'];
export type AvailabilityByTrade = Schemas['AvailabilityByTrade'];
export type AvailabilityByTradeResponse = Schemas['AvailabilityByTradeResponse'];
export type Booking = Schemas['Booking'];
export type BookingResponse = Schemas['BookingResponse'];
export type BookSubContractorOrder = Schemas['BookSubContractorOrder'];
export type BookSubContractorOrderResponse = Schemas['BookSubContractorOrderResponse'];
export type BookSubContractorOrderUpdate = Schemas['BookSubContractorOrderUpdate'];
export type BookSubContractorOrderUpdateCode = Schemas['BookSubContractorOrderUpdateCode'];
export type BookingSummaryResponse = Schemas['BookingSummaryResponse'];
export type Code = Schemas['Code'];
export type Contact = Schemas['Contact'];
export type Customer = Schemas['Customer'];
export type CustomerModel = Schemas['CustomerModel'];
export type CustomerAddress = Schemas['CustomerAddress'];
export type CustomerContact = Schemas['CustomerContact'];
export type ConnectErrorBody = Schemas['Error'];
export type InvoiceAddress = Schemas['InvoiceAddress'];
export type JobCode = Schemas['JobCode'];
export type NameValuePair = Schemas['NameValuePair'];
export type OrderContact = Schemas['OrderContact'];
export type PlanningWindow = Schemas['PlanningWindow'];
export type PurchaseInvoice = Schemas['PurchaseInvoice'];
export type PurchaseInvoiceLine = Schemas['PurchaseInvoiceLine'];
export type RateBook = Schemas['RateBook'];
export type ResponseCallback = Schemas['ResponseCallback'];
export type SalesOrder = Schemas['SalesOrder'];
export type SalesOrderUpdate = Schemas['SalesOrderUpdate'];
export type UserAccount = Schemas['UserAccount'];
