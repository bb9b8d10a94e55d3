import type { ConnectClient } from '../client/createConnectClient';
import { isConnectError } from '../client/connectError';
import { OrderStatus } from './connectEnums';
import type { SalesOrder, SalesOrderUpdate } from './connectTypes';
import { invalidResponse } from './expectBody';

export interface CancelOrderRequest {
  primaryOrderNumber: string;
  contractExternalId: string;
  /** Required by Connect when cancelling. */
  cancelReason: string;
  cancelDescription?: string;
}

/** Sales orders (works orders): create, read, update, cancel, and their internal integer id. */
export function orderMethods(client: ConnectClient) {
  return {
    /**
     * SalesOrder POST (version 3, so Connect answers 201 with the created order). Never retried: a
     * timeout leaves the outcome unknown, and the caller looks the order number up before sending again.
     */
    async createOrder(order: SalesOrder): Promise<SalesOrder> {
      const created = await client.call('postSalesOrder', (api, init) =>
        api.POST('/api/SalesOrder', { ...init, body: order }),
      );
      // Version 2 answers `{}`; we ask for 3, so anything without the order number is not the order.
      if (!created || !('PrimaryOrderNumber' in created)) throw invalidResponse('postSalesOrder');
      return created;
    },

    /** SalesOrder GET; `null` when Connect does not know the order (404). */
    async getOrder(primaryOrderNumber: string, contractExternalId: string): Promise<SalesOrder | null> {
      try {
        const order = await client.call('getSalesOrder', (api, init) =>
          api.GET('/api/SalesOrder', {
            ...init,
            params: { query: { PrimaryOrderNumber: primaryOrderNumber, ContractExternalId: contractExternalId } },
          }),
        );
        // "An unsuccessful response will be NULL": treat an empty success like the 404 it stands for.
        return order ?? null;
      } catch (error) {
        if (isConnectError(error) && error.isNotFound()) return null;
        throw error;
      }
    },

    /** SalesOrder PATCH: change description, priority, target date... of an existing order. */
    async updateOrder(update: SalesOrderUpdate): Promise<void> {
      await client.call('patchSalesOrder', (api, init) => api.PATCH('/api/SalesOrder', { ...init, body: update }));
    },

    /** SalesOrder PATCH with OrderStatus 11 (Cancel) and the reason Connect requires. */
    async cancelOrder(request: CancelOrderRequest): Promise<void> {
      const cancellation: SalesOrderUpdate = {
        PrimaryOrderNumber: request.primaryOrderNumber,
        ContractExternalId: request.contractExternalId,
        OrderStatus: OrderStatus.Cancel,
        CancelReason: request.cancelReason,
        CancelDescription: request.cancelDescription,
      };
      await client.call('patchSalesOrder', (api, init) =>
        api.PATCH('/api/SalesOrder', { ...init, body: cancellation }),
      );
    },

    /** IdLookup GET: the internal integer id that the Attribute and Code methods take as `orderId`. */
    async lookupOrderId(primaryOrderNumber: string, contractExternalId: string): Promise<number> {
      const id = await client.call('getOrderIdLookup', (api, init) =>
        api.GET('/api/IdLookup/OrderId', {
          ...init,
          params: { query: { PrimaryOrderNumber: primaryOrderNumber, ContractExternalId: contractExternalId } },
        }),
      );
      if (typeof id !== 'number') throw invalidResponse('getOrderIdLookup');
      return id;
    },
  };
}

export type OrderMethods = ReturnType<typeof orderMethods>;
