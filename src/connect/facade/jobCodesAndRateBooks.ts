import type { ConnectClient } from '../client/createConnectClient';
import type { JobCode, RateBook } from './connectTypes';
import { expectBody, invalidResponse } from './expectBody';

/** The schedule of rates: job codes (SOR codes) and their prices per contract. */
export function jobCodesAndRateBooksMethods(client: ConnectClient) {
  return {
    /** JobCode GET by Connect's integer id. */
    async getJobCode(id: number): Promise<JobCode> {
      const jobCode = await client.call('getJobCode', (api, init) =>
        api.GET('/api/JobCode/{id}', { ...init, params: { path: { id } } }),
      );
      return expectBody('getJobCode', jobCode);
    },

    /** JobCode POST. The spec documents no success body, so none is promised. */
    async createJobCode(jobCode: JobCode): Promise<void> {
      await client.call('postJobCode', (api, init) => api.POST('/api/JobCode', { ...init, body: jobCode }));
    },

    /** JobCode PUT by Connect's integer id. */
    async updateJobCode(id: number, jobCode: JobCode): Promise<JobCode> {
      const updated = await client.call('putJobCode', (api, init) =>
        api.PUT('/api/JobCode/{id}', { ...init, params: { path: { id } }, body: jobCode }),
      );
      return expectBody('putJobCode', updated);
    },

    /** RateBook GET All: the job code's rate book in every contract. */
    async listRateBooks(codeExternalId: string): Promise<RateBook[]> {
      const rateBooks = await client.call('getRateBook', (api, init) =>
        api.GET('/api/RateBook', { ...init, params: { query: { CodeExternalId: codeExternalId } } }),
      );
      if (!Array.isArray(rateBooks)) throw invalidResponse('getRateBook');
      return rateBooks;
    },

    /** RateBook GET Single: the same operation with ContractExternalId, which answers one RateBook. */
    async getRateBook(codeExternalId: string, contractExternalId: string): Promise<RateBook> {
      const rateBook = await client.call('getRateBook', (api, init) =>
        api.GET('/api/RateBook', {
          ...init,
          params: { query: { CodeExternalId: codeExternalId, ContractExternalId: contractExternalId } },
        }),
      );
      if (!rateBook || Array.isArray(rateBook)) throw invalidResponse('getRateBook');
      return rateBook;
    },

    /** RateBook PUT, addressed by the rate book's own CodeExternalId and ContractExternalId. */
    async updateRateBook(rateBook: RateBook): Promise<RateBook> {
      const path = { CodeExternalId: rateBook.CodeExternalId, ContractExternalId: rateBook.ContractExternalId };
      const updated = await client.call('putRateBook', (api, init) =>
        api.PUT('/api/RateBook/{CodeExternalId}/{ContractExternalId}', { ...init, params: { path }, body: rateBook }),
      );
      return expectBody('putRateBook', updated);
    },
  };
}

export type JobCodesAndRateBooksMethods = ReturnType<typeof jobCodesAndRateBooksMethods>;
