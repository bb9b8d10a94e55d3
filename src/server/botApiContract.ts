import { existsSync } from 'node:fs';
import path from 'node:path';
import { OpenAPIBackend, ValidationContext } from 'openapi-backend';
import { CONNECT_EVENT_TYPES, type ConnectEvent, type ConnectEventType } from '../repairs/events';

/**
 * The bot's own inbound API (botApi.yaml) loaded with openapi-backend: the body of a Connect update is checked
 * against the yaml itself, so the file is the contract and cannot drift from the code that reads it.
 */
export const CONNECT_EVENTS_PATH = '/api/connect/events';
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function botApiPath(): string {
  // From src (ts-jest) and from dist (the build copies yaml files next to the compiled code).
  const besideUs = path.join(__dirname, 'botApi.yaml');
  if (!existsSync(besideUs)) throw new Error(`botApi.yaml not found next to ${__dirname}`);
  return besideUs;
}

/** The body of a delivery as the yaml's ConnectEvent schema has it (Connect's member names). */
export interface ConnectEventBody {
  EventId?: string;
  EventType: ConnectEventType;
  PrimaryOrderNumber: string;
  VisitExternalId?: string;
  Date?: string;
  PlanningWindowId?: number;
  VisitStatus?: number;
  VisitResultType?: number;
  OccurredAt?: string;
  CloudExternalId?: string;
}

export type BodyVerdict = { valid: true; event: ConnectEvent } | { valid: false; problems: string[] };

/** Connect's names at the edge, the domain's inside. */
export function toConnectEvent(body: ConnectEventBody): ConnectEvent {
  return {
    eventId: body.EventId,
    type: body.EventType,
    orderNumber: body.PrimaryOrderNumber,
    visitExternalId: body.VisitExternalId,
    slot:
      body.Date !== undefined && body.PlanningWindowId !== undefined
        ? { date: body.Date, planningWindowId: body.PlanningWindowId }
        : undefined,
    visitStatus: body.VisitStatus,
    visitResultType: body.VisitResultType,
    occurredAt: body.OccurredAt,
    cloudExternalId: body.CloudExternalId,
  };
}

type CompiledValidator = ((value: unknown) => boolean) & {
  errors?: { instancePath: string; keyword: string; message?: string; params?: unknown }[] | null;
};

export class BotApiContract {
  private constructor(private readonly validateEvent: CompiledValidator) {}

  static async load(): Promise<BotApiContract> {
    const api = new OpenAPIBackend({
      definition: botApiPath(),
      strict: true,
      validate: true,
      // The yaml is checked against OpenAPI (and its schemas against JSON Schema) by `npm run lint:spec`, not on
      // every start: the OpenAPI check took most of a second, compiling JSON Schema's meta-schema tens of ms.
      quick: true,
      ajvOpts: { allErrors: true, discriminator: true, validateSchema: false },
      customizeAjv: (ajv) => {
        ajv.addFormat('date', {
          type: 'string',
          validate: (s: string) => ISO_DATE.test(s) && !Number.isNaN(Date.parse(s)),
        });
        ajv.addFormat('date-time', { type: 'string', validate: (s: string) => !Number.isNaN(Date.parse(s)) });
        return ajv;
      },
    });
    await api.init();
    // The request body's schema, compiled on its own: the signature headers are checked before, by the route.
    const schema = api.definition.components?.schemas?.ConnectEvent;
    if (!schema) throw new Error('botApi.yaml has no ConnectEvent schema');
    return new BotApiContract(api.validator.getAjv(ValidationContext.RequestBody).compile(schema) as CompiledValidator);
  }

  /** The body of a delivery against the yaml; the problems name the members at fault, never their values. */
  checkConnectEvent(body: unknown): BodyVerdict {
    if (this.validateEvent(body)) return { valid: true, event: toConnectEvent(body as ConnectEventBody) };
    const problems = (this.validateEvent.errors ?? []).map((e) => {
      // The discriminator picks the schema of the EventType; an EventType it does not know, or none, is its complaint.
      if (e.keyword === 'discriminator') return `EventType must be one of ${CONNECT_EVENT_TYPES.join(', ')}`;
      const at = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
      const extra = (e.params as { additionalProperty?: string } | undefined)?.additionalProperty;
      return `${at || '(body)'} ${e.message ?? e.keyword}${extra ? `: ${extra}` : ''}`;
    });
    return { valid: false, problems: [...new Set(problems)] };
  }
}
