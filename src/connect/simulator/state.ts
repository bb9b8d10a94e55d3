import { CaseInsensitiveMap } from './ciMap';
import type {
  AttributeItem,
  BookSubContractorOrderUpdate,
  Code,
  Customer,
  CustomerModel,
  JobCode,
  MessagingPreference,
  PurchaseInvoice,
  RateBook,
  ResponseCallback,
  SalesOrder,
  UserAccount,
  VisitResultType,
} from './connectTypes';

/**
 * Everything the simulated Connect remembers, in memory. Handlers read and change it; the admin API resets, seeds
 * and shows it. External ids compare case-insensitively (see ciMap.ts).
 */

export const VISIT_STATUS = {
  Planned: 0,
  Accepted: 1,
  Started: 2,
  Completed: 3,
  PendingDeletion: 4,
  Booked: 5,
  Shelved: 6,
} as const;
export type VisitStatusValue = (typeof VISIT_STATUS)[keyof typeof VISIT_STATUS];

export const ORDER_STATUS_CANCEL = 11;

export interface StoredOrder {
  /** Connect's internal integer id (IdLookup, Code and Attribute methods) */
  orderId: number;
  /** yyyy-MM-dd, London date on the simulator clock when the order was created */
  raisedDate: string;
  order: SalesOrder;
  codes: Code[];
  attributes: AttributeItem[];
}

export interface Visit {
  VisitExternalId: string;
  PrimaryOrderNumber: string;
  VisitStatus: VisitStatusValue;
  VisitResultType?: VisitResultType;
  /** the booked slot; a Shelved visit has none */
  slot?: { date: string; planningWindowId: number };
  VisitInstructions?: string;
  OperativeComments?: string;
  Resource?: string;
  MessagingPreference?: MessagingPreference;
  /** ISO instant of the last (re)booking */
  bookedAt: string;
}

export interface SubcontractOrder {
  SubcontractOrderId: number;
  PrimaryOrderNumber: string;
  SupplierExternalId: string;
  updates: BookSubContractorOrderUpdate[];
}

export interface NamedEntity {
  ExternalId: string;
  Name: string;
}

export interface ReceivedCallback {
  receivedAt: string;
  callback: ResponseCallback;
}

export const slotKey = (date: string, planningWindowId: number): string => `${date}|${planningWindowId}`;

export class SimulatorState {
  readonly contracts = new CaseInsensitiveMap<NamedEntity>();
  readonly priorities = new CaseInsensitiveMap<NamedEntity>();
  readonly organisations = new CaseInsensitiveMap<NamedEntity>();
  readonly suppliers = new CaseInsensitiveMap<NamedEntity>();
  /** properties and their tenants, as Connect's Customer objects, by ExternalId (the PropertyId) */
  readonly customers = new CaseInsensitiveMap<Customer>();
  /** the full records posted to the Customer method, by ExternalId */
  readonly customerModels = new CaseInsensitiveMap<CustomerModel>();
  readonly orders = new CaseInsensitiveMap<StoredOrder>();
  readonly visits = new CaseInsensitiveMap<Visit>();
  /** job codes by their integer id (the JobCode methods' {id}) */
  readonly jobCodes = new Map<number, JobCode>();
  /** rate books by `CodeExternalId|ContractExternalId` */
  readonly rateBooks = new CaseInsensitiveMap<RateBook>();
  readonly subcontractOrders = new Map<number, SubcontractOrder>();
  readonly callbacks: ReceivedCallback[] = [];
  readonly userAccounts: UserAccount[] = [];
  readonly purchaseInvoices: PurchaseInvoice[] = [];
  /** total capacity of a slot, by slotKey, replacing the seeded capacity and fullness */
  readonly capacityOverrides = new Map<string, number>();
  /** slots someone else just took (the `take-slot` fault), by slotKey */
  readonly takenSlots = new Set<string>();

  /** Internal ids start high, like a live Connect's, so they are not mistaken for counts or windows. */
  private static readonly FIRST_COUNTERS = { order: 100000, visit: 0, subcontractOrder: 5000, jobCode: 0 };
  private counters = { ...SimulatorState.FIRST_COUNTERS };

  nextOrderId(): number {
    return (this.counters.order += 1);
  }

  nextVisitExternalId(): string {
    this.counters.visit += 1;
    return `VIS-${String(this.counters.visit).padStart(6, '0')}`;
  }

  nextSubcontractOrderId(): number {
    return (this.counters.subcontractOrder += 1);
  }

  nextJobCodeId(): number {
    return (this.counters.jobCode += 1);
  }

  orderById(orderId: number): StoredOrder | undefined {
    return this.orders.values().find((o) => o.orderId === orderId);
  }

  jobCodeByExternalId(codeExternalId: string | undefined): { id: number; jobCode: JobCode } | undefined {
    const wanted = codeExternalId?.toLowerCase();
    for (const [id, jobCode] of this.jobCodes) {
      if (jobCode.CodeExternalId.toLowerCase() === wanted) return { id, jobCode };
    }
    return undefined;
  }

  visitsOf(primaryOrderNumber: string): Visit[] {
    const wanted = primaryOrderNumber.toLowerCase();
    return this.visits.values().filter((v) => v.PrimaryOrderNumber.toLowerCase() === wanted);
  }

  /** Forget everything, including the id counters (reset to seed starts numbering again). */
  clear(): void {
    for (const map of [
      this.contracts,
      this.priorities,
      this.organisations,
      this.suppliers,
      this.customers,
      this.customerModels,
      this.orders,
      this.visits,
      this.rateBooks,
    ]) {
      map.clear();
    }
    this.jobCodes.clear();
    this.subcontractOrders.clear();
    this.callbacks.length = 0;
    this.userAccounts.length = 0;
    this.purchaseInvoices.length = 0;
    this.capacityOverrides.clear();
    this.takenSlots.clear();
    this.counters = { ...SimulatorState.FIRST_COUNTERS };
  }
}
