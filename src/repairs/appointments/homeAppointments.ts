import { type Appointment } from '../../connect';
import { type CatalogueLookups } from '../catalogue';
import { formatReference } from '../orders/orderNumber';
import { type OrderRecord } from '../orders/orderRegistry';
import { type Slot } from '../slots';
import { type IsoDate } from '../time';
import { cancelDecision } from './cancelRule';
import { rebookDecision, type RebookDecision } from './rebookRule';
import { isHistory, VISIT_STATE_WORDS, visitStateOf, type VisitState } from './visitState';
import { describeVisitTime, timesOf, visitTimeOf } from './visitTime';

/** One visit at the home, in the tenant's words. */
export interface VisitSummary {
  orderNumber: string;
  visitExternalId?: string;
  /** The repair type's name, or 'Repair RB 261201 7KQ4 MZ8P' for an order the bot did not raise. */
  what: string;
  /** 'Thursday 3 December, morning, 8am to 1pm', or 'No time set yet' for a visit on hold. */
  when: string;
  date?: IsoDate;
  state: VisitState;
  /** 'Booked', 'On the way'… */
  status: string;
  rebook: RebookDecision;
  /** The slot as the bot booked it, when its record still matches the visit (so a move does not offer it back). */
  slot?: Slot;
}

/** A repair (works order) the tenant may cancel here. */
export interface RepairSummary {
  orderNumber: string;
  /** As the tenant quotes it on the phone. */
  reference: string;
  what: string;
  /** Its visits still to come, described; empty when none is booked. */
  visits: string[];
}

export interface HomeAppointments {
  propertyId: string;
  visits: VisitSummary[];
  /** The bot's open orders at the home with no visit listed: waiting for a time, or with a contractor. */
  waiting: RepairSummary[];
  /** Orders that may be cancelled: those of the visits listed, then the waiting ones. */
  cancellable: RepairSummary[];
}

export interface HomeFacts {
  propertyId: string;
  /** BookingSummary's appointments for the property, from today on. */
  appointments: readonly Appointment[];
  /** The bot's records of the orders it raised at the property. */
  records: readonly OrderRecord[];
  lookups: CatalogueLookups;
  today: IsoDate;
  now: Date;
  zone: string;
  rebookMinDays: number;
}

export const referenceOf = (orderNumber: string): string => formatReference(orderNumber) ?? orderNumber;

function whatOf(orderNumber: string, record: OrderRecord | undefined, lookups: CatalogueLookups): string {
  const subArea = record ? lookups.findSubArea(record.code) : undefined;
  return subArea?.name ?? `Repair ${referenceOf(orderNumber)}`;
}

function visitOf(appointment: Appointment, facts: HomeFacts, record: OrderRecord | undefined): VisitSummary {
  const orderNumber = appointment.PrimaryOrderNumber ?? '';
  const state = visitStateOf(appointment.VisitStatus);
  const time = visitTimeOf(appointment.PlanningWindowStart, appointment.PlanningWindowEnd);
  // The words the tenant was given when the bot booked it, while they still fit the visit (same day and times).
  const told = record?.visit;
  const stillAsTold =
    told !== undefined &&
    time !== undefined &&
    told.visitExternalId === appointment.VisitExternalId &&
    told.slot.date === time.date &&
    told.description.endsWith(timesOf(time));
  return {
    orderNumber,
    visitExternalId: appointment.VisitExternalId,
    what: whatOf(orderNumber, record, facts.lookups),
    when: time ? (stillAsTold ? told.description : describeVisitTime(time, facts.zone, facts.now)) : 'No time set yet',
    date: time?.date,
    state,
    status: VISIT_STATE_WORDS[state],
    rebook: rebookDecision({ state, date: time?.date }, facts.today, facts.rebookMinDays),
    ...(stillAsTold ? { slot: told.slot } : {}),
  };
}

/** A recorded visit in the past that Connect no longer lists from today: most likely done, so not offered. */
const visitWasBefore = (record: OrderRecord, today: IsoDate) =>
  record.visit !== undefined && record.visit.slot.date < today;

/**
 * The home's visits and cancellable repairs in the tenant's words, from Connect's BookingSummary and the bot's own
 * records (which name the repair types). Only what these facts hold about the one property is ever shown.
 */
export function summariseHome(facts: HomeFacts): HomeAppointments {
  const own = facts.records.filter((record) => record.propertyId === facts.propertyId);
  const records = new Map(own.map((record) => [record.orderNumber.toUpperCase(), record]));
  const recordOf = (orderNumber: string) => records.get(orderNumber.toUpperCase());
  const visits = facts.appointments
    .filter((appointment) => appointment.PrimaryOrderNumber)
    .map((appointment) => visitOf(appointment, facts, recordOf(appointment.PrimaryOrderNumber ?? '')));

  const listed = new Map<string, VisitSummary[]>();
  for (const visit of visits) listed.set(visit.orderNumber, [...(listed.get(visit.orderNumber) ?? []), visit]);
  const ofVisits: RepairSummary[] = [...listed.entries()]
    .filter(([, orderVisits]) => cancelDecision(orderVisits.map((v) => v.state)).allowed)
    .map(([orderNumber, orderVisits]) => ({
      orderNumber,
      reference: referenceOf(orderNumber),
      what: orderVisits[0]!.what,
      visits: orderVisits.filter((v) => !isHistory(v.state)).map((v) => v.when),
    }));

  const listedNumbers = new Set([...listed.keys()].map((n) => n.toUpperCase()));
  const waiting: RepairSummary[] = own
    .filter(
      (record) =>
        record.status === 'open' &&
        !listedNumbers.has(record.orderNumber.toUpperCase()) &&
        !visitWasBefore(record, facts.today),
    )
    .map((record) => ({
      orderNumber: record.orderNumber,
      reference: referenceOf(record.orderNumber),
      what: whatOf(record.orderNumber, record, facts.lookups),
      visits: [],
    }));

  return { propertyId: facts.propertyId, visits, waiting, cancellable: [...ofVisits, ...waiting] };
}
