import type { ConnectClient } from '../client/createConnectClient';
import type { Attribute, AttributeItem, Code } from './connectTypes';
import { expectArray, expectBody } from './expectBody';

/**
 * An order's scheduling attributes and job codes (SORs). These methods take Connect's internal
 * integer `orderId`: get it with `lookupOrderId(primaryOrderNumber, contractExternalId)`.
 */
export function orderCodesAndAttributesMethods(client: ConnectClient) {
  return {
    /** Attribute GET. */
    async getAttributes(orderId: number): Promise<Attribute> {
      const attributes = await client.call('getAttributes', (api, init) =>
        api.GET('/api/SalesOrder/{orderId}/Attribute', { ...init, params: { path: { orderId } } }),
      );
      return expectBody('getAttributes', attributes);
    },

    /** Attribute POST: set scheduling attributes (e.g. Vulnerable = Yes) on the order. */
    async setAttributes(orderId: number, attributes: AttributeItem[]): Promise<void> {
      await client.call('postAttributes', (api, init) =>
        api.POST('/api/SalesOrder/{orderId}/Attribute', { ...init, params: { path: { orderId } }, body: attributes }),
      );
    },

    /** Code POST: add a job code to the order. */
    async addCode(orderId: number, code: Code): Promise<void> {
      await client.call('postCode', (api, init) =>
        api.POST('/api/SalesOrder/{orderId}/Code', { ...init, params: { path: { orderId } }, body: code }),
      );
    },

    /** Code PUT: change the quantity (or location) of a job code on the order. */
    async updateCode(orderId: number, code: Code): Promise<void> {
      await client.call('putCode', (api, init) =>
        api.PUT('/api/SalesOrder/{orderId}/Code', { ...init, params: { path: { orderId } }, body: code }),
      );
    },

    /** Code DELETE. */
    async removeCode(orderId: number, codeExternalId: string): Promise<void> {
      await client.call('deleteCode', (api, init) =>
        api.DELETE('/api/SalesOrder/{orderId}/Code/{id}', {
          ...init,
          params: { path: { orderId, id: codeExternalId } },
        }),
      );
    },

    /** Code DELETE by LocationExternalId: for orders split by job code locations. */
    async removeCodeAtLocation(orderId: number, codeExternalId: string, locationExternalId: string): Promise<void> {
      await client.call('deleteCodeByLocation', (api, init) =>
        api.DELETE('/api/SalesOrder/{orderId}/Code/{id}/Location/{locationExternalId}', {
          ...init,
          params: { path: { orderId, id: codeExternalId, locationExternalId } },
        }),
      );
    },

    /** Code GET All. */
    async listCodes(orderId: number): Promise<Code[]> {
      const codes = await client.call('getCodes', (api, init) =>
        api.GET('/api/SalesOrder/{orderId}/Code', { ...init, params: { path: { orderId } } }),
      );
      return expectArray('getCodes', codes);
    },

    /** Code GET Single. */
    async getCode(orderId: number, codeExternalId: string): Promise<Code> {
      const code = await client.call('getCode', (api, init) =>
        api.GET('/api/SalesOrder/{orderId}/Code/{id}', { ...init, params: { path: { orderId, id: codeExternalId } } }),
      );
      return expectBody('getCode', code);
    },

    /** Code GET Single By LocationExternalId. */
    async getCodeAtLocation(orderId: number, codeExternalId: string, locationExternalId: string): Promise<Code> {
      const code = await client.call('getCodeByLocation', (api, init) =>
        api.GET('/api/SalesOrder/{orderId}/Code/{id}/Location/{locationExternalId}', {
          ...init,
          params: { path: { orderId, id: codeExternalId, locationExternalId } },
        }),
      );
      return expectBody('getCodeByLocation', code);
    },
  };
}

export type OrderCodesAndAttributesMethods = ReturnType<typeof orderCodesAndAttributesMethods>;
