import fs from 'node:fs';
import { parse } from 'yaml';
import { SIMULATED_EVENT_TYPES } from '../../src/connect/simulator/eventSender';
import { CONNECT_EVENT_TYPES } from '../../src/repairs/events';
import {
  BotApiContract,
  botApiPath,
  CONNECT_EVENTS_PATH,
  type ConnectEventBody,
  toConnectEvent,
} from '../../src/server/botApiContract';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../../src/server/deliverySignature';

/** botApi.yaml is the contract: the code that reads deliveries and the simulator that sends them must agree with it. */
interface Schema {
  enum?: string[];
  required?: string[];
  properties?: Record<string, Schema>;
  oneOf?: { $ref: string }[];
}
const document = parse(fs.readFileSync(botApiPath(), 'utf8')) as {
  paths: Record<
    string,
    { post: { requestBody: { content: Record<string, { examples: Record<string, { value: unknown }> }> } } }
  >;
  components: { schemas: Record<string, Schema> };
};
const schemas = document.components.schemas;
/** The schema of each kind of event (AppointmentEvent, VisitEvent, OrderEvent), as ConnectEvent's oneOf lists them. */
const kinds = schemas.ConnectEvent!.oneOf!.map((o) => schemas[o.$ref.split('/').at(-1)!]!);
const kindOf = (type: string) => kinds.find((k) => k.properties!.EventType!.enum!.includes(type))!;

/** A valid body of each event type: the members its kind requires, and nothing more. */
function minimalBody(type: string): Record<string, unknown> {
  const values: Record<string, unknown> = {
    EventType: type,
    PrimaryOrderNumber: 'RB-261201-7KQ4MZ8P',
    VisitExternalId: 'VIS-000001',
    Date: '2026-12-03',
    PlanningWindowId: 2,
  };
  return Object.fromEntries(kindOf(type).required!.map((name) => [name, values[name]]));
}

describe('botApi.yaml and the code agree', () => {
  let contract: BotApiContract;
  beforeAll(async () => {
    contract = await BotApiContract.load();
  });

  it('the path and the signature headers are the ones the route uses', () => {
    expect(Object.keys(document.paths)).toEqual([CONNECT_EVENTS_PATH]);
    const parameters = (
      document.paths[CONNECT_EVENTS_PATH]!.post as unknown as { parameters: { name: string; in: string }[] }
    ).parameters;
    expect(parameters.map((p) => [p.in, p.name.toLowerCase()])).toEqual([
      ['header', TIMESTAMP_HEADER],
      ['header', SIGNATURE_HEADER],
    ]);
  });

  it('the event types are the same in the yaml, the domain and the simulator', () => {
    expect(schemas.ConnectEventType!.enum).toEqual([...CONNECT_EVENT_TYPES]);
    expect([...SIMULATED_EVENT_TYPES]).toEqual([...CONNECT_EVENT_TYPES]);
  });

  it('each event type is of exactly one kind, and every kind has the same members', () => {
    const covered = kinds.flatMap((k) => k.properties!.EventType!.enum!);
    expect([...covered].sort()).toEqual([...CONNECT_EVENT_TYPES].sort());
    const members = kinds.map((k) => Object.keys(k.properties!).sort().join());
    expect(new Set(members).size).toBe(1);
  });

  it("the yaml's examples are valid deliveries", () => {
    const examples = document.paths['/api/connect/events']!.post.requestBody.content['application/json']!.examples;
    expect(Object.keys(examples).length).toBeGreaterThan(0);
    for (const example of Object.values(examples)) {
      expect(contract.checkConnectEvent(example.value)).toMatchObject({ valid: true });
    }
  });

  it.each([...CONNECT_EVENT_TYPES])('%s: the minimal body is valid, and each member it needs is needed', (type) => {
    const body = minimalBody(type);
    expect(contract.checkConnectEvent(body)).toMatchObject({ valid: true });
    for (const name of Object.keys(body)) {
      const without = { ...body, [name]: undefined };
      delete without[name];
      const verdict = contract.checkConnectEvent(without);
      expect(verdict.valid).toBe(false);
      if (!verdict.valid) expect(verdict.problems.join('; ')).toContain(name);
    }
  });

  it('every member of the yaml reaches the domain event (none is dropped on the way in)', () => {
    const members = Object.keys(kinds[0]!.properties!);
    const full: ConnectEventBody = {
      EventId: 'EV-1',
      EventType: 'ReAppointment',
      PrimaryOrderNumber: 'RB-261201-7KQ4MZ8P',
      VisitExternalId: 'VIS-000001',
      Date: '2026-12-03',
      PlanningWindowId: 2,
      VisitStatus: 5,
      VisitResultType: 0,
      OccurredAt: '2026-12-01T09:00:00Z',
      CloudExternalId: 'call-1',
    };
    expect(Object.keys(full).sort()).toEqual([...members].sort());
    const verdict = contract.checkConnectEvent(full);
    expect(verdict).toEqual({ valid: true, event: toConnectEvent(full) });
    expect(toConnectEvent(full)).toEqual({
      eventId: 'EV-1',
      type: 'ReAppointment',
      orderNumber: 'RB-261201-7KQ4MZ8P',
      visitExternalId: 'VIS-000001',
      slot: { date: '2026-12-03', planningWindowId: 2 },
      visitStatus: 5,
      visitResultType: 0,
      occurredAt: '2026-12-01T09:00:00Z',
      cloudExternalId: 'call-1',
    });
  });
});
