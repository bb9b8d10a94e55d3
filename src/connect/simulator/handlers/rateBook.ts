import { ConnectApiError } from '../apiError';
import type { OperationHandler } from './types';

/**
 * RateBook GET (all rate books of a job code, or the one of a contract) and PUT (set a contract's price of a code).
 */
export const getRateBook: OperationHandler<'getRateBook'> = ({ query, office }) => {
  const { state } = office;
  const jobCode = state.jobCodeByExternalId(query.CodeExternalId);
  if (!jobCode)
    throw ConnectApiError.invalid('request.CodeExternalId', `The job code '${query.CodeExternalId}' does not exist.`);
  const code = jobCode.jobCode.CodeExternalId.toLowerCase();
  const rateBooks = state.rateBooks.values().filter((r) => r.CodeExternalId.toLowerCase() === code);
  if (query.ContractExternalId === undefined) return { status: 200, body: structuredClone(rateBooks) };
  const contract = query.ContractExternalId.toLowerCase();
  const rateBook = rateBooks.find((r) => r.ContractExternalId.toLowerCase() === contract);
  if (!rateBook) {
    throw ConnectApiError.invalid(
      'request.ContractExternalId',
      `No rate book for '${query.CodeExternalId}' on contract '${query.ContractExternalId}'.`,
    );
  }
  return { status: 200, body: structuredClone(rateBook) };
};

export const putRateBook: OperationHandler<'putRateBook'> = ({ params, body, office }) => {
  const { state } = office;
  const jobCode = state.jobCodeByExternalId(params.CodeExternalId);
  if (!jobCode)
    throw ConnectApiError.invalid('CodeExternalId', `The job code '${params.CodeExternalId}' does not exist.`);
  const contract = state.contracts.get(params.ContractExternalId);
  if (!contract)
    throw ConnectApiError.invalid('ContractExternalId', `The contract '${params.ContractExternalId}' does not exist.`);
  if (body.CodeExternalId.toLowerCase() !== params.CodeExternalId.toLowerCase()) {
    throw ConnectApiError.invalid(
      'request.CodeExternalId',
      'The CodeExternalId of the body must match the one of the URI.',
    );
  }
  if (body.ContractExternalId.toLowerCase() !== params.ContractExternalId.toLowerCase()) {
    throw ConnectApiError.invalid(
      'request.ContractExternalId',
      'The ContractExternalId of the body must match the one of the URI.',
    );
  }
  const key = `${jobCode.jobCode.CodeExternalId}|${contract.ExternalId}`;
  const previous = state.rateBooks.get(key);
  const price = body.Price ?? previous?.Price;
  const rateBook = {
    CodeExternalId: jobCode.jobCode.CodeExternalId,
    ContractExternalId: contract.ExternalId,
    ContractName: contract.Name,
    ...(price !== undefined ? { Price: price } : {}),
  };
  state.rateBooks.set(key, rateBook);
  return { status: 200, body: structuredClone(rateBook) };
};
