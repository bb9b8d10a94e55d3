import type { components } from '../schema';

/**
 * Connect's enumerated types by name. Connect sends and expects their integer values; each object is
 * checked against the generated union, so a value the spec does not know fails to compile.
 */
type Schemas = components['schemas'];

export const AvailabilityStatus = { NotAvailable: 0, Available: 1, Preferred: 2 } as const satisfies Record<
  string,
  Schemas['AvailabilityStatus']
>;
export type AvailabilityStatus = Schemas['AvailabilityStatus'];

export const ContactPreference = {
  None: 0,
  EmailOnly: 1,
  MobileTextOnly: 2,
  HomeTextOnly: 3,
  EmailAndMobileText: 4,
  EmailAndHomeText: 5,
} as const satisfies Record<string, Schemas['ContactPreference']>;
export type ContactPreference = Schemas['ContactPreference'];

export const ContractorType = { Internal: 0, External: 1 } as const satisfies Record<string, Schemas['ContractorType']>;
export type ContractorType = Schemas['ContractorType'];

export const MessagingPreference = { Message: 0, DontMessage: 1, NeverMessage: 2 } as const satisfies Record<
  string,
  Schemas['MessagingPreference']
>;
export type MessagingPreference = Schemas['MessagingPreference'];

export const OrderSource = { Default: 0, TenantPortal: 1 } as const satisfies Record<string, Schemas['OrderSource']>;
export type OrderSource = Schemas['OrderSource'];

export const OrderStatus = { None: 0, Cancel: 11 } as const satisfies Record<string, Schemas['OrderStatus']>;
export type OrderStatus = Schemas['OrderStatus'];

export const PaymentTerms = { NotApplicable: 0, NetMonthly: 1, NoDays: 2 } as const satisfies Record<
  string,
  Schemas['PaymentTerms']
>;
export type PaymentTerms = Schemas['PaymentTerms'];

export const PurchaseInvoiceCategory = { PurchaseOrder: 0, SubcontractorOrder: 1 } as const satisfies Record<
  string,
  Schemas['PurchaseInvoiceCategory']
>;
export type PurchaseInvoiceCategory = Schemas['PurchaseInvoiceCategory'];

export const VisitResultType = { Completed: 0, NoAccess: 1, FollowOnRequired: 2, Abandon: 3 } as const satisfies Record<
  string,
  Schemas['VisitResultType']
>;
export type VisitResultType = Schemas['VisitResultType'];

export const VisitStatus = {
  Planned: 0,
  Accepted: 1,
  Started: 2,
  Completed: 3,
  PendingDeletion: 4,
  Booked: 5,
  Shelved: 6,
} as const satisfies Record<string, Schemas['VisitStatus']>;
export type VisitStatus = Schemas['VisitStatus'];
