/**
 * Faults a test arms to see how a client copes: slowness, error statuses and dropped connections, each for some
 * operation and a number of calls. (Token expiry and slot taking are immediate actions, handled by the admin API.)
 */
export type FaultSpec =
  | { kind: 'latency'; ms: number; operationId?: string; count?: number }
  | { kind: 'status'; status: number; operationId: string; count: number }
  | { kind: 'drop'; operationId: string; count: number };

export type ArmedFault = FaultSpec & { id: number; /** calls left; undefined = until cleared */ remaining?: number };

/** What the pipeline must do for one call, decided once the operation is known. */
export interface FaultPlan {
  delayMs: number;
  drop: boolean;
  status?: number;
}

export class FaultBook {
  private faults: ArmedFault[] = [];
  private nextId = 1;

  arm(spec: FaultSpec): ArmedFault {
    const armed: ArmedFault = { ...spec, id: this.nextId, remaining: spec.count };
    this.nextId += 1;
    this.faults.push(armed);
    return armed;
  }

  list(): ArmedFault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  clear(): void {
    this.faults = [];
  }

  /** Consume the faults that apply to this call (one call of each matching fault) and say what to do. */
  planFor(operationId: string): FaultPlan {
    const plan: FaultPlan = { delayMs: 0, drop: false };
    for (const fault of this.faults) {
      if (fault.operationId !== undefined && fault.operationId !== operationId) continue;
      if (fault.kind === 'latency') plan.delayMs += fault.ms;
      else if (fault.kind === 'drop') plan.drop = true;
      else if (plan.status === undefined) plan.status = fault.status;
      else continue; // a second status fault waits for a later call
      if (fault.remaining !== undefined) fault.remaining -= 1;
    }
    this.faults = this.faults.filter((f) => f.remaining === undefined || f.remaining > 0);
    return plan;
  }
}
