import type { ConnectClient } from '../client/createConnectClient';
import type { BookSubContractorOrderResponse, BookSubContractorOrderUpdate } from './connectTypes';
import { expectBody } from './expectBody';

export interface SubcontractorBookingRequest {
  primaryOrderNumber: string;
  supplierExternalId: string;
}

/** Orders handed to an external supplier instead of the landlord's own operatives. */
export function subcontractorMethods(client: ConnectClient) {
  return {
    /** BookSubContractorOrder POST: give the order to a supplier (e.g. SUP-GLAZE). */
    async bookSubcontractor(request: SubcontractorBookingRequest): Promise<BookSubContractorOrderResponse> {
      const body = { PrimaryOrderNumber: request.primaryOrderNumber, SupplierExternalId: request.supplierExternalId };
      const booked = await client.call('postBookSubContractorOrder', (api, init) =>
        api.POST('/api/BookSubContractorOrder', { ...init, body }),
      );
      return expectBody('postBookSubContractorOrder', booked);
    },

    /** BookSubContractorOrder PATCH: change a sub-contract order's codes, category or comments. */
    async updateSubcontractorOrder(update: BookSubContractorOrderUpdate): Promise<BookSubContractorOrderUpdate> {
      const updated = await client.call('patchBookSubContractorOrder', (api, init) =>
        api.PATCH('/api/BookSubContractorOrder', { ...init, body: update }),
      );
      return expectBody('patchBookSubContractorOrder', updated);
    },
  };
}

export type SubcontractorMethods = ReturnType<typeof subcontractorMethods>;
