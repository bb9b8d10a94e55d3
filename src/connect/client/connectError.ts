/** What went wrong with a Connect call, in the terms a caller can act on. */
export type ConnectErrorKind =
  /** Connect answered with a status that is not a success (other than an unrecoverable 401). */
  | 'http'
  /** The call did not finish within its time limit; for a POST/PATCH/PUT/DELETE the outcome is unknown. */
  | 'timeout'
  /** The connection failed or was dropped before an answer arrived. */
  | 'network'
  /** Connect refused our credentials or our token (even after one refresh). */
  | 'auth'
  /** Connect answered, but not with what the operation promises (unparseable or missing body). */
  | 'invalid-response'
  /** Not sent: the circuit breaker is open after repeated failures, so Connect is taken as unavailable for now. */
  | 'circuit-open';

export type ConnectHttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ConnectErrorDetails {
  operation: string;
  method: ConnectHttpMethod;
  kind: ConnectErrorKind;
  status?: number;
  connectMessage?: string;
  modelState?: Record<string, string[]>;
  cause?: unknown;
}

/**
 * The one error the Connect client and façade throw. Dialogs and services never see a raw fetch
 * error. It carries the operationId and Connect's own Error object (Message, ModelState) but never
 * a URL, query string, body, token or password: those may hold personal data or secrets.
 */
export class ConnectError extends Error {
  override readonly name = 'ConnectError';
  /** The OpenAPI operationId, e.g. `postSalesOrder`. */
  readonly operation: string;
  readonly method: ConnectHttpMethod;
  readonly kind: ConnectErrorKind;
  readonly status?: number;
  /** The spec's Error.Message, when Connect sent one. */
  readonly connectMessage?: string;
  /** The spec's Error.ModelState: field path → messages, e.g. `request.PrimaryOrderNumber`. */
  readonly modelState?: Record<string, string[]>;
  /**
   * The failure is transient (timeout, network, 408, 429, 5xx): trying later may succeed.
   * For a POST/PATCH/PUT/DELETE the first attempt may still have taken effect, so a caller that
   * retries must first check (e.g. look the order up) instead of blindly sending again.
   */
  readonly retryable: boolean;

  constructor(details: ConnectErrorDetails) {
    super(describe(details), details.cause === undefined ? undefined : { cause: details.cause });
    this.operation = details.operation;
    this.method = details.method;
    this.kind = details.kind;
    this.status = details.status;
    this.connectMessage = details.connectMessage;
    this.modelState = details.modelState;
    this.retryable = isTransient(details.kind, details.status);
  }

  isBadRequest(): boolean {
    return this.status === 400;
  }

  isNotFound(): boolean {
    return this.status === 404;
  }

  /** Connect is down or not answering (transient failure or an open breaker): worth trying again later. */
  isUnavailable(): boolean {
    return this.retryable;
  }
}

export function isConnectError(error: unknown): error is ConnectError {
  return error instanceof ConnectError;
}

function isTransient(kind: ConnectErrorKind, status: number | undefined): boolean {
  if (kind === 'timeout' || kind === 'network' || kind === 'circuit-open') return true;
  if (kind !== 'http' || status === undefined) return false;
  return status === 408 || status === 429 || status >= 500;
}

function describe({ operation, method, kind, status, connectMessage }: ConnectErrorDetails): string {
  const what = `Connect ${operation} (${method})`;
  const statusText = status === undefined ? '' : ` with ${status}`;
  const message = connectMessage ? `: ${connectMessage}` : '';
  return `${what} failed: ${kind}${statusText}${message}`;
}
