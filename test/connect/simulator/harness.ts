import { createSimulator, type Simulator } from '../../../src/connect/simulator';

/**
 * Shared plumbing of the simulator tests: a simulator on a random loopback port with a fixed clock, raw fetch
 * helpers for the Connect API and the admin API, and valid request bodies to vary.
 */
export const USERNAME = 'repairs-bot@simulator.local';
export const PASSWORD = 'simulator-password';
/** Tuesday 1 December 2026, 09:00 in London (GMT): the MORNING window has started, SCHOOL RUN has not. */
export const FIXED_NOW = new Date('2026-12-01T09:00:00Z');

export interface Answer<T = unknown> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
}

export interface TestSimulator {
  sim: Simulator;
  /** a valid bearer token, fetched once per test file */
  token: () => Promise<string>;
  api: <T = unknown>(
    method: string,
    path: string,
    options?: {
      body?: unknown;
      version?: number | null;
      token?: string | null;
      query?: Record<string, string | number | boolean>;
      headers?: Record<string, string>;
    },
  ) => Promise<Answer<T>>;
  admin: <T = unknown>(method: string, path: string, body?: unknown) => Promise<Answer<T>>;
  requestToken: (form: Record<string, string>) => Promise<Answer>;
}

async function toAnswer<T>(response: Response): Promise<Answer<T>> {
  const text = await response.text();
  let body: unknown = undefined;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: response.status, body: body as T, text, headers: response.headers };
}

export async function startTestSimulator(options: { tokenLifetimeSeconds?: number } = {}): Promise<TestSimulator> {
  const sim = await createSimulator({ port: 0, now: () => new Date(FIXED_NOW), ...options });
  const requestToken = async (form: Record<string, string>): Promise<Answer> =>
    toAnswer(
      await fetch(`${sim.baseUrl}/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form).toString(),
      }),
    );
  let cached: string | undefined;
  const token = async (): Promise<string> => {
    if (!cached) {
      const answer = await requestToken({ grant_type: 'password', username: USERNAME, password: PASSWORD });
      cached = (answer.body as { access_token: string }).access_token;
    }
    return cached;
  };
  const api = async <T = unknown>(
    method: string,
    path: string,
    options: Parameters<TestSimulator['api']>[2] = {},
  ): Promise<Answer<T>> => {
    const url = new URL(`${sim.baseUrl}${path}`);
    for (const [name, value] of Object.entries(options.query ?? {})) url.searchParams.set(name, String(value));
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    const version = options.version === undefined ? 3 : options.version;
    if (version !== null) headers.Accept = `application/json; version=${version}`;
    if (options.body !== undefined) headers['Content-Type'] ??= 'application/json';
    const body =
      options.body === undefined
        ? undefined
        : typeof options.body === 'string'
          ? options.body
          : JSON.stringify(options.body);
    const send = async (bearer: string | null) =>
      toAnswer<T>(
        await fetch(url, {
          method,
          headers: bearer === null ? headers : { ...headers, Authorization: `Bearer ${bearer}` },
          body,
        }),
      );
    if (options.token !== undefined) return send(options.token);
    // With the shared token, behave like a real client: a 401 (clock moved, tokens expired) means fetch a new one.
    const first = await send(await token());
    if (first.status !== 401) return first;
    cached = undefined;
    return send(await token());
  };
  const admin: TestSimulator['admin'] = async (method, path, body) =>
    toAnswer(
      await fetch(`${sim.origin}/simulator/${path}`, {
        method,
        headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
  return { sim, token, api, admin, requestToken };
}

let orderCounter = 0;

/** A valid SalesOrder for a demo property, with a unique order number; `overrides` replace members. */
export function newOrder(
  overrides: Record<string, unknown> = {},
): Record<string, unknown> & { PrimaryOrderNumber: string } {
  orderCounter += 1;
  return {
    PrimaryOrderNumber: `SIM-${orderCounter}-${Math.random().toString(36).slice(2, 8)}`,
    UseExistingCustomerDetails: true,
    Customer: { ExternalId: 'PROP-0001', OrganisationExternalId: 'ORG-HA' },
    ContractExternalId: 'CONTRACT-RESP',
    TargetDateUTC: '2026-12-29',
    PriorityExternalId: 'RTN',
    JobDescription: 'Bath panel loose',
    JobCodes: [{ CodeExternalId: 'BATH003', Quantity: 1 }],
    OrderSource: 1,
    ...overrides,
  } as Record<string, unknown> & { PrimaryOrderNumber: string };
}

/** Raises an order through the API and returns its number. */
export async function raiseOrder(t: TestSimulator, overrides: Record<string, unknown> = {}): Promise<string> {
  const order = newOrder(overrides);
  const answer = await t.api('POST', '/api/SalesOrder', { body: order });
  if (answer.status !== 201) throw new Error(`order not raised: ${answer.status} ${answer.text}`);
  return order.PrimaryOrderNumber;
}

export interface AvailabilityBody {
  Availability: { Date: string; NumberOfWeeks: number };
  PlanningWindows: { Id: number; Name: string }[];
  AvailabilityPlanningWindows: {
    PlanningWindowId: number;
    AvailabilityDays: { Date: string; AvailabilityStatus: number; TravelTime: number }[];
  }[];
}

/** The status of one (day, window) in an Availability answer. */
export function statusOf(body: AvailabilityBody, date: string, planningWindowId: number): number | undefined {
  return body.AvailabilityPlanningWindows.find((w) => w.PlanningWindowId === planningWindowId)?.AvailabilityDays.find(
    (d) => d.Date === date,
  )?.AvailabilityStatus;
}

/** Every test file ends with this: no answer of the simulator broke openapi.yaml. */
export function expectNoContractBreaches(t: TestSimulator): void {
  expect(t.sim.responseFailures()).toEqual([]);
}
