import { ConnectApiError } from '../apiError';
import type { JobCode } from '../connectTypes';
import { addJobCode } from '../seed';
import type { SimulatorState } from '../state';
import type { OperationHandler } from './types';

/** JobCode methods: the schedule of rates, by integer id; CodeExternalId is unique. */
function requireJobCode(state: SimulatorState, id: number): JobCode {
  const jobCode = state.jobCodes.get(id);
  if (!jobCode) throw ConnectApiError.invalid('id', `No job code with id ${id} exists.`);
  return jobCode;
}

function requireKnownContract(state: SimulatorState, jobCode: JobCode): void {
  if (jobCode.ContractExternalId !== undefined && !state.contracts.has(jobCode.ContractExternalId)) {
    throw ConnectApiError.invalid(
      'request.ContractExternalId',
      `The contract '${jobCode.ContractExternalId}' does not exist.`,
    );
  }
}

export const getJobCode: OperationHandler<'getJobCode'> = ({ params, office }) => ({
  status: 200,
  body: structuredClone(requireJobCode(office.state, params.id)),
});

export const postJobCode: OperationHandler<'postJobCode'> = ({ body, office }) => {
  const { state } = office;
  if (state.jobCodeByExternalId(body.CodeExternalId)) {
    throw ConnectApiError.invalid('request.CodeExternalId', `A job code '${body.CodeExternalId}' already exists.`);
  }
  requireKnownContract(state, body);
  addJobCode(state, body);
  return { status: 200, body: structuredClone(body) };
};

export const putJobCode: OperationHandler<'putJobCode'> = ({ params, body, office }) => {
  const { state } = office;
  requireJobCode(state, params.id);
  const holder = state.jobCodeByExternalId(body.CodeExternalId);
  if (holder && holder.id !== params.id) {
    throw ConnectApiError.invalid(
      'request.CodeExternalId',
      `The code '${body.CodeExternalId}' belongs to job code ${holder.id}.`,
    );
  }
  requireKnownContract(state, body);
  state.jobCodes.set(params.id, structuredClone(body));
  return { status: 200, body: structuredClone(body) };
};
