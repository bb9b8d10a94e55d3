import { addComplaint, ConnectApiError, INVALID_REQUEST_MESSAGE, type ModelState } from '../apiError';
import type { Appointment, Customer } from '../connectTypes';
import { planningWindowById, windowBounds } from '../planningWindows';
import type { SimulatorState, StoredOrder, Visit } from '../state';
import { VISIT_RESULT_TYPE_NAMES, VISIT_STATUS_NAMES } from '../visitNames';
import { requireOrder } from './lookups';
import type { OperationHandler } from './types';

/**
 * BookingSummary GET: the property (Customer) and the appointments of its orders, or of one order. With
 * WindowStart/WindowEnd only appointments whose planning window overlaps that period are listed (shelved visits,
 * having no slot, are then left out).
 */
function appointmentOf(stored: StoredOrder, visit: Visit): Appointment {
  const window = visit.slot ? planningWindowById(visit.slot.planningWindowId) : undefined;
  const bounds = visit.slot && window ? windowBounds(visit.slot.date, window) : undefined;
  const optional = <K extends keyof Appointment>(key: K, value: Appointment[K] | undefined): Partial<Appointment> =>
    value === undefined ? {} : ({ [key]: value } as Partial<Appointment>);
  return {
    PrimaryOrderNumber: stored.order.PrimaryOrderNumber,
    OrderRaisedDate: stored.raisedDate,
    VisitExternalId: visit.VisitExternalId,
    VisitStatus: visit.VisitStatus,
    VisitStatusName: VISIT_STATUS_NAMES[visit.VisitStatus],
    ...(visit.VisitResultType !== undefined
      ? { VisitResultType: visit.VisitResultType, VisitResultTypeName: VISIT_RESULT_TYPE_NAMES[visit.VisitResultType] }
      : {}),
    ...optional('Resource', visit.Resource),
    ...optional('VisitInstructions', visit.VisitInstructions),
    ...optional('OperativeComments', visit.OperativeComments),
    ...optional('PlanningWindowStart', bounds?.start),
    ...optional('PlanningWindowEnd', bounds?.end),
  };
}

/** `yyyy-MM-dd HH:mm:ss` (the query's format) as `yyyy-MM-ddTHH:mm:ss` (the appointments' format). */
const asLocalDateTime = (value: string): string => value.replace(' ', 'T');

function overlaps(appointment: Appointment, start?: string, end?: string): boolean {
  if (start === undefined && end === undefined) return true;
  if (!appointment.PlanningWindowStart || !appointment.PlanningWindowEnd) return false;
  return (
    (end === undefined || appointment.PlanningWindowStart <= asLocalDateTime(end)) &&
    (start === undefined || appointment.PlanningWindowEnd >= asLocalDateTime(start))
  );
}

function ordersOfProperty(state: SimulatorState, propertyId: string): StoredOrder[] {
  return state.orders.values().filter((o) => o.order.Customer.ExternalId.toLowerCase() === propertyId.toLowerCase());
}

type SummaryQuery = { PropertyId?: string; PrimaryOrderNumber?: string };

/** The customer and orders asked about: one order (of the property, if both are given) or all of a property. */
function scopeOf(
  state: SimulatorState,
  { PropertyId, PrimaryOrderNumber }: SummaryQuery,
): { customer: Customer; orders: StoredOrder[] } {
  if (PrimaryOrderNumber !== undefined) {
    const stored = requireOrder(state, PrimaryOrderNumber);
    if (PropertyId !== undefined && stored.order.Customer.ExternalId.toLowerCase() !== PropertyId.toLowerCase()) {
      throw ConnectApiError.invalid(
        'request.PrimaryOrderNumber',
        `The sales order '${PrimaryOrderNumber}' is not at property '${PropertyId}'.`,
      );
    }
    return {
      customer: state.customers.get(stored.order.Customer.ExternalId) ?? stored.order.Customer,
      orders: [stored],
    };
  }
  if (PropertyId !== undefined) {
    const customer = state.customers.get(PropertyId);
    if (!customer) throw ConnectApiError.invalid('request.PropertyId', `No property with id '${PropertyId}' exists.`);
    return { customer, orders: ordersOfProperty(state, PropertyId) };
  }
  const modelState: ModelState = {};
  addComplaint(
    modelState,
    'request.PropertyId',
    'The PropertyId field is required when PrimaryOrderNumber is not set.',
  );
  addComplaint(
    modelState,
    'request.PrimaryOrderNumber',
    'The PrimaryOrderNumber field is required when PropertyId is not set.',
  );
  throw ConnectApiError.badRequest(INVALID_REQUEST_MESSAGE, modelState);
}

export const getBookingSummary: OperationHandler<'getBookingSummary'> = ({ query, office }) => {
  const { state } = office;
  const { customer, orders } = scopeOf(state, query);
  const appointments = orders
    .flatMap((stored) => state.visitsOf(stored.order.PrimaryOrderNumber).map((visit) => appointmentOf(stored, visit)))
    .filter((appointment) => overlaps(appointment, query.WindowStart, query.WindowEnd))
    .sort(
      (a, b) =>
        (a.PlanningWindowStart ?? '').localeCompare(b.PlanningWindowStart ?? '') ||
        (a.VisitExternalId ?? '').localeCompare(b.VisitExternalId ?? ''),
    );
  return { status: 200, body: { Customer: structuredClone(customer), Appointments: appointments } };
};
