import type { IncomingMessage, ServerResponse } from 'node:http';
import { ZodError, type ZodType } from 'zod';
import { clockInput, configInput, eventInput, faultInput, resetInput, seedInput, visitChangeInput } from './adminInput';
import { sendJson } from './httpIo';
import { AdminInputError, AdminStateError, type SimulatorCore } from './simulatorCore';

/**
 * The simulator's own JSON API under `{origin}/simulator/...` (see README.md): reset, seed, journal, state,
 * clock, faults, config, visits and events for the bot. It needs no token; it is never part of a real Connect.
 */
interface AdminRequest {
  match: RegExpExecArray;
  url: URL;
  body: unknown;
}

type AdminAnswer = { status: number; body: unknown };
type AdminRoute = {
  method: string;
  path: RegExp;
  run: (core: SimulatorCore, request: AdminRequest) => AdminAnswer | Promise<AdminAnswer>;
};

const ok = (body: unknown): AdminAnswer => ({ status: 200, body });
const parse = <T>(schema: ZodType<T>, body: unknown): T => schema.parse(body ?? {});

const ROUTES: AdminRoute[] = [
  {
    method: 'POST',
    path: /^\/simulator\/reset$/,
    run: (core, { body }) => {
      const { now } = parse(resetInput, body);
      core.reset(now ? new Date(now) : undefined);
      return ok({ reset: true, clock: core.clock.describe() });
    },
  },
  { method: 'POST', path: /^\/simulator\/seed$/, run: (core, { body }) => ok(core.seed(parse(seedInput, body))) },
  {
    method: 'GET',
    path: /^\/simulator\/journal$/,
    run: (core, { url }) => {
      const since = Number(url.searchParams.get('since') ?? 0);
      if (!Number.isInteger(since) || since < 0) throw new AdminInputError('since must be a sequence number');
      return ok(core.journalSince(since));
    },
  },
  {
    method: 'DELETE',
    path: /^\/simulator\/journal$/,
    run: (core) => {
      core.journal.clear();
      return ok({ cleared: true });
    },
  },
  { method: 'GET', path: /^\/simulator\/state$/, run: (core) => ok(core.snapshot()) },
  { method: 'GET', path: /^\/simulator\/clock$/, run: (core) => ok(core.clock.describe()) },
  {
    method: 'POST',
    path: /^\/simulator\/clock$/,
    run: (core, { body }) => {
      const { now, frozen } = parse(clockInput, body);
      core.clock.set(new Date(now), frozen ?? true);
      return ok(core.clock.describe());
    },
  },
  {
    method: 'DELETE',
    path: /^\/simulator\/clock$/,
    run: (core) => {
      core.clock.restore();
      return ok(core.clock.describe());
    },
  },
  { method: 'GET', path: /^\/simulator\/faults$/, run: (core) => ok(core.faults.list()) },
  { method: 'POST', path: /^\/simulator\/faults$/, run: (core, { body }) => ok(core.fault(parse(faultInput, body))) },
  {
    method: 'DELETE',
    path: /^\/simulator\/faults$/,
    run: (core) => {
      core.faults.clear();
      return ok({ cleared: true });
    },
  },
  {
    method: 'POST',
    path: /^\/simulator\/config$/,
    run: (core, { body }) => {
      const config = parse(configInput, body);
      const answer: Record<string, unknown> = {};
      if (config.tokenLifetimeSeconds !== undefined) {
        core.tokenLifetimeSeconds = config.tokenLifetimeSeconds;
        answer.tokenLifetimeSeconds = core.tokenLifetimeSeconds;
      }
      if (config.eventsTarget !== undefined) {
        core.eventsTarget = config.eventsTarget ?? undefined;
        // The secret is not said back.
        answer.eventsTarget = config.eventsTarget ? { url: config.eventsTarget.url } : null;
      }
      return ok(answer);
    },
  },
  {
    method: 'PATCH',
    path: /^\/simulator\/visits\/([^/]+)$/,
    run: async (core, { match, body }) => {
      const visitExternalId = decodeURIComponent(match[1]);
      const change = parse(visitChangeInput, body);
      const event = change.sendEvent ? core.eventForVisitChange(visitExternalId, change) : undefined;
      if (change.sendEvent && core.state.visits.has(visitExternalId) && !event) {
        throw new AdminInputError(
          'sendEvent needs a change that Connect reports: VisitStatus 3, 4 or 6, or a new slot',
        );
      }
      if (change.sendEvent && !core.eventsTarget) throw new AdminStateError('No events target to send the event to');
      if (!core.changeVisit(visitExternalId, change)) {
        return { status: 404, body: { error: `No visit ${visitExternalId}` } };
      }
      const visit = core.state.visits.get(visitExternalId);
      return ok(event ? { ...visit, eventSent: await core.sendEvent(event) } : visit);
    },
  },
  {
    // Connect's update to the bot: signed and posted to the events target; answers what was sent and the reply.
    method: 'POST',
    path: /^\/simulator\/events$/,
    run: async (core, { body }) => ok(await core.sendEvent(parse(eventInput, body))),
  },
  {
    method: 'GET',
    path: /^\/simulator\/events$/,
    run: (core) => ok(structuredClone(core.sentEvents)),
  },
  {
    // Where UserAccount's single sign-in URL leads: just says who it would log in.
    method: 'GET',
    path: /^\/simulator\/sso\/([^/]+)$/,
    run: (core, { match }) => {
      const account = core.state.userAccounts.find((a) => a.Token === match[1]);
      return account
        ? ok({ signedInAs: account.UserName })
        : { status: 404, body: { error: 'Unknown or expired token' } };
    },
  },
];

export async function handleAdmin(
  core: SimulatorCore,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  rawBody: string,
): Promise<void> {
  const path = url.pathname.replace(/\/+$/, '');
  const candidates = ROUTES.map((route) => ({ route, match: route.path.exec(path) })).filter((c) => c.match !== null);
  const chosen = candidates.find((c) => c.route.method === req.method);
  if (!chosen?.match) {
    if (candidates.length > 0) return sendJson(res, 405, { error: `${req.method ?? ''} not allowed on ${path}` });
    return sendJson(res, 404, { error: `No admin route ${path}` });
  }
  try {
    const body = rawBody.trim() === '' ? undefined : (JSON.parse(rawBody) as unknown);
    const answer = await chosen.route.run(core, { match: chosen.match, url, body });
    sendJson(res, answer.status, answer.body);
  } catch (error) {
    if (error instanceof ZodError) {
      return sendJson(res, 400, {
        error: error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; '),
      });
    }
    if (error instanceof AdminInputError || error instanceof SyntaxError)
      return sendJson(res, 400, { error: error.message });
    if (error instanceof AdminStateError) return sendJson(res, 409, { error: error.message });
    throw error;
  }
}
