/**
 * An answer other than success, as ASP.NET Web API shapes it: a status and the spec's Error object
 * (`Message`, and `ModelState` keyed by the failing member, e.g. `request.PrimaryOrderNumber`).
 */
export type ModelState = Record<string, string[]>;

export interface ErrorBody {
  Message: string;
  ModelState?: ModelState;
}

export const INVALID_REQUEST_MESSAGE = 'The request is invalid.';

export class ConnectApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody | undefined,
  ) {
    super(body?.Message ?? `HTTP ${status}`);
  }

  /** 400 "The request is invalid." with one member's complaint, like a failed ModelState check. */
  static invalid(member: string, complaint: string): ConnectApiError {
    return new ConnectApiError(400, { Message: INVALID_REQUEST_MESSAGE, ModelState: { [member]: [complaint] } });
  }

  static badRequest(message: string, modelState?: ModelState): ConnectApiError {
    return new ConnectApiError(400, modelState ? { Message: message, ModelState: modelState } : { Message: message });
  }
}

/** Adds a complaint to a ModelState under construction (ASP.NET lists every complaint of a member). */
export function addComplaint(modelState: ModelState, member: string, complaint: string): void {
  (modelState[member] ??= []).push(complaint);
}
