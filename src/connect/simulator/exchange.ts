import type { ServerResponse } from 'node:http';
import type { Operation } from 'openapi-backend';
import { sendJson } from './httpIo';
import type { SimulatorCore } from './simulatorCore';

/**
 * One call to the simulated Connect, from the request to the answer (or the dropped connection). Every answer goes
 * through `answer`, which checks it against the contract and writes the journal entry, so neither can be forgotten.
 */
export class Exchange {
  operation: Operation | undefined;
  version: number | null = null;
  /** the request body as the journal shows it */
  journalBody: unknown = undefined;

  constructor(
    private readonly core: SimulatorCore,
    private readonly res: ServerResponse,
    readonly method: string,
    readonly path: string,
    readonly query: Record<string, string | string[]>,
  ) {}

  get operationId(): string | null {
    return this.operation?.operationId ?? null;
  }

  answer(status: number, body: unknown, headers: Record<string, string> = {}): void {
    let [finalStatus, finalBody] = [status, body];
    const operation = this.operation;
    if (operation?.operationId) {
      const complaints = this.core.definition.responseComplaints(operation, status, body);
      if (complaints.length > 0) {
        // The simulator broke the contract: say so loudly rather than send a wrong answer.
        this.core.responseFailures.push({
          at: new Date().toISOString(),
          operationId: operation.operationId,
          status,
          complaints,
        });
        this.core.logger.error(
          { operationId: operation.operationId, status, complaints },
          'simulator answer does not match openapi.yaml',
        );
        [finalStatus, finalBody] = [
          500,
          {
            Message: `Simulator bug: the ${status} answer of ${operation.operationId} does not match openapi.yaml: ${complaints.join('; ')}`,
          },
        ];
      }
    }
    this.record(finalStatus);
    if (this.res.destroyed) return;
    for (const [name, value] of Object.entries(headers)) this.res.setHeader(name, value);
    sendJson(this.res, finalStatus, finalBody);
  }

  /** The `drop` fault: close the connection without a word. */
  drop(): void {
    this.record(0);
    this.res.socket?.destroy();
    this.res.destroy();
  }

  private record(status: number): void {
    this.core.journal.record({
      at: this.core.clock.now().toISOString(),
      method: this.method,
      path: this.path,
      operationId: this.operationId,
      status,
      version: this.version,
      query: this.query,
      body: this.journalBody,
    });
  }
}
