import type { SalesOrder } from '../connectTypes';

/**
 * SalesOrder members that only exist from a version on (the spec's Version column). A client asking for an older
 * version neither sets nor sees them, as an older Connect model would not have them.
 */
const SINCE_VERSION: Partial<Record<keyof SalesOrder, number>> = {
  NeverMessage: 2,
  TwoToAttend: 2,
  IsInspectionJob: 2,
  InvokeDiagnosis: 2,
  PropertyWarningDescription: 2,
  ContactWarningDescription: 2,
  OrderSource: 2,
  UseExistingCustomerDetails: 3,
  OrderContact: 3,
  CrmId: 3,
  CodeTemplateId: 3,
  ContractorType: 3,
  OutOfHours: 3,
  WorkStream: 3,
};

export function salesOrderAtVersion(order: SalesOrder, version: number): SalesOrder {
  const copy: SalesOrder = structuredClone(order);
  for (const [member, since] of Object.entries(SINCE_VERSION)) {
    if (version < since) delete copy[member as keyof SalesOrder];
  }
  return copy;
}
