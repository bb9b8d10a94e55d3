import type { operations } from '../../schema';
import type { SimulatorClock } from '../clock';
import type { Scheduler } from '../scheduler';
import type { SimulatorState } from '../state';

/**
 * The shape of an operation handler, derived from the generated schema: the body, query and path parameters it
 * receives (already validated and coerced) and the answers it may give. Failures are thrown as ConnectApiError.
 */
export type ApiOperationId = Exclude<keyof operations, 'token'>;

type JsonOf<T> = T extends { content: { 'application/json': infer B } } ? B : undefined;

export type BodyOf<O extends ApiOperationId> = operations[O] extends { requestBody: infer R } ? JsonOf<R> : undefined;
export type QueryOf<O extends ApiOperationId> = NonNullable<operations[O]['parameters']['query']>;
export type PathOf<O extends ApiOperationId> = NonNullable<operations[O]['parameters']['path']>;

type Responses<O extends ApiOperationId> = operations[O]['responses'];
/** Any answer the contract allows for the operation, as status and body. */
export type ResultOf<O extends ApiOperationId> = {
  [S in keyof Responses<O>]: { status: S; body: JsonOf<Responses<O>[S]> };
}[keyof Responses<O>];

/** The simulated back office a handler works on. */
export interface Backoffice {
  state: SimulatorState;
  scheduler: Scheduler;
  clock: SimulatorClock;
  /** e.g. http://127.0.0.1:5055, for links the simulator hands out */
  origin: string;
}

export interface OperationCall<O extends ApiOperationId> {
  body: BodyOf<O>;
  query: QueryOf<O>;
  params: PathOf<O>;
  /** the version the client asked for in its Accept header (1 when it asked for none) */
  version: number;
  office: Backoffice;
}

export type OperationHandler<O extends ApiOperationId> = (call: OperationCall<O>) => ResultOf<O>;

export type HandlerTable = { [O in ApiOperationId]: OperationHandler<O> };
