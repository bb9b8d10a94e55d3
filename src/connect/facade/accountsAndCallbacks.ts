import type { ConnectClient } from '../client/createConnectClient';
import type { CustomerModel, PurchaseInvoice, ResponseCallback, UserAccount } from './connectTypes';
import { expectBody } from './expectBody';

/** Records Connect keeps beside orders: customers (properties), user accounts, invoices, callbacks. */
export function accountsAndCallbacksMethods(client: ConnectClient) {
  return {
    /** Customer POST (version 4): create a property with its address and tenant contact. */
    async createCustomer(customer: CustomerModel): Promise<CustomerModel> {
      const created = await client.call('postCustomer', (api, init) =>
        api.POST('/api/Customer', { ...init, body: customer }),
      );
      return expectBody('postCustomer', created);
    },

    /** UserAccount POST: create a user; the answer carries a single sign-in Token (a secret: never log it). */
    async createUserAccount(account: UserAccount): Promise<UserAccount> {
      const created = await client.call('postUserAccount', (api, init) =>
        api.POST('/api/UserAccount', { ...init, body: account }),
      );
      return expectBody('postUserAccount', created);
    },

    /** PurchaseInvoice POST (version 3, 201): a matched purchase invoice from a supplier. */
    async createPurchaseInvoice(invoice: PurchaseInvoice): Promise<PurchaseInvoice> {
      const created = await client.call('postPurchaseInvoice', (api, init) =>
        api.POST('/api/PurchaseInvoice', { ...init, body: invoice }),
      );
      return expectBody('postPurchaseInvoice', created);
    },

    /** ResponseCallback POST: answer an asynchronous call Connect made to our Web API. */
    async sendResponseCallback(callback: ResponseCallback): Promise<void> {
      await client.call('postResponseCallback', (api, init) =>
        api.POST('/api/ResponseCallback', { ...init, body: callback }),
      );
    },
  };
}

export type AccountsAndCallbacksMethods = ReturnType<typeof accountsAndCallbacksMethods>;
