import { type Slot } from '../slots';
import { type RecordStore } from './recordStore';

/**
 * What the bot remembers of an order it raised: enough to spot a second report of the same repair, to list a
 * home's orders, and to reach the tenant again in the conversation and channel they reported from. No names,
 * phone numbers or addresses: the property id leads to those through the tenant directory.
 */
export interface OrderRecord {
  orderNumber: string;
  propertyId: string;
  /** The catalogue code (CodeExternalId) of the repair. */
  code: string;
  /** ISO instant. */
  raisedAt: string;
  status: 'open' | 'cancelled' | 'completed';
  /** Where the tenant reported from, e.g. 'directline', 'msteams', 'sms'. */
  channelId: string;
  /** The channel's conversation reference, kept as the channel gave it, for messages sent later. */
  conversation?: unknown;
  /** The booked visit, when there is one. */
  visit?: {
    visitExternalId?: string;
    slot: Slot;
    /** As the tenant was told it, e.g. 'Tuesday 8 December, morning, 8am to 1pm'. */ description: string;
  };
  /** Handed to a contractor rather than booked. */
  supplierExternalId?: string;
}

const orderKey = (orderNumber: string) => `repairs/orders/${orderNumber}`;
const propertyKey = (propertyId: string) => `repairs/property-orders/${propertyId}`;

/** Orders the bot raised, by order number and by property, in the bot's state storage. */
export class OrderRegistry {
  constructor(private readonly store: RecordStore) {}

  async record(order: OrderRecord): Promise<void> {
    await this.store.update<OrderRecord>(orderKey(order.orderNumber), (current) => ({ ...current, ...order }));
    await this.store.update<string[]>(propertyKey(order.propertyId), (numbers = []) =>
      numbers.includes(order.orderNumber) ? numbers : [...numbers, order.orderNumber],
    );
  }

  find(orderNumber: string): Promise<OrderRecord | undefined> {
    return this.store.get<OrderRecord>(orderKey(orderNumber));
  }

  async update(orderNumber: string, change: Partial<Omit<OrderRecord, 'orderNumber' | 'propertyId'>>): Promise<void> {
    await this.store.update<OrderRecord | undefined>(orderKey(orderNumber), (current) =>
      current ? { ...current, ...change } : current,
    );
  }

  /** The property's orders, newest first. */
  async forProperty(propertyId: string): Promise<OrderRecord[]> {
    const numbers = (await this.store.get<string[]>(propertyKey(propertyId))) ?? [];
    const records = await Promise.all(numbers.map((n) => this.find(n)));
    return records
      .filter((r): r is OrderRecord => r !== undefined)
      .sort((a, b) => b.raisedAt.localeCompare(a.raisedAt));
  }
}
