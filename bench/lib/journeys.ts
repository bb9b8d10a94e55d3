import { performance } from 'node:perf_hooks';
import { type BenchChannel, buttonsOf, textOf, type Turn } from './channel';
import { type BenchTenant, identityAnswers } from './tenants';

/** What the tenant types on the happy path (as in the end-to-end test), for one of the bench's tenants. */
export function happyPath(tenant: BenchTenant): string[] {
  const { postcode, house } = identityAnswers(tenant);
  return ['my bath is leaking', postcode, house, 'Yes, text me', 'Send it', '2'];
}

/** Mid-journey: the repair and who the tenant is, stopped before the contact question is answered. */
export function midJourney(tenant: BenchTenant): string[] {
  return happyPath(tenant).slice(0, 3);
}

export interface JourneyResult {
  ok: boolean;
  turnMs: number[];
  problem?: string;
}

/** Runs the messages in turn; the journey is good when every POST is answered 2xx and `check` accepts the end. */
export async function runJourney(
  channel: BenchChannel,
  conversationId: string,
  messages: readonly string[],
  check: (last: Turn) => boolean,
  thinkMs = 0,
): Promise<JourneyResult> {
  const turnMs: number[] = [];
  let last: Turn | undefined;
  for (const [i, text] of messages.entries()) {
    // A person reads the answer and types the next message: 0.5 to 1.5 times `thinkMs`, at random.
    if (thinkMs > 0 && i > 0) await new Promise((resolve) => setTimeout(resolve, thinkMs * (0.5 + Math.random())));
    try {
      last = await channel.say(conversationId, text);
    } catch (error) {
      return { ok: false, turnMs, problem: `"${text}": ${error instanceof Error ? error.message : String(error)}` };
    }
    turnMs.push(last.ms);
    if (last.status >= 300) return { ok: false, turnMs, problem: `"${text}": HTTP ${last.status}` };
  }
  const ok = last !== undefined && check(last);
  return { ok, turnMs, problem: ok ? undefined : `ended with: ${textOf(last?.replies ?? []).slice(0, 160)}` };
}

export const booked = (last: Turn): boolean => /^Booked: /m.test(textOf(last.replies));
export const answered = (last: Turn): boolean => last.replies.length > 0;

/** Tenants running flat out arrive over this first second of a run. */
export const RAMP_MS = 1000;

export interface LoadResult {
  turns: number;
  journeys: number;
  failedJourneys: number;
  seconds: number;
  turnMs: number[];
  /** The turn latencies by step of the journey (stepMs[0]: every first message), to see which step is slow. */
  stepMs: number[][];
  problems: string[];
}

/**
 * `concurrency` tenants at once, each running `journeysEach` journeys one after another (a new conversation and
 * a new tenant each time). Turns per second count every turn of the run over its wall-clock time.
 */
export async function runLoad(options: {
  channel: BenchChannel;
  label: string;
  tenants: readonly BenchTenant[];
  concurrency: number;
  journeysEach: number;
  messages: (tenant: BenchTenant) => string[];
  check: (last: Turn) => boolean;
  /** Mean pause between a reply and the tenant's next message; 0 (the default) runs the bot flat out. */
  thinkMs?: number;
}): Promise<LoadResult> {
  const { channel, label, tenants, concurrency, journeysEach } = options;
  const turnMs: number[] = [];
  const stepMs: number[][] = [];
  const problems: string[] = [];
  let failedJourneys = 0;
  let journeys = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      // Tenants arrive spread out rather than all in the first millisecond: over two pauses when they pause, else
      // over RAMP_MS. Two hundred first messages in one instant would measure a queue the bench made, not the bot.
      const arrival = options.thinkMs ? 2 * options.thinkMs : RAMP_MS;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * arrival));
      for (let j = 0; j < journeysEach; j++) {
        const index = worker * journeysEach + j;
        const tenant = tenants[index % tenants.length]!;
        const result = await runJourney(
          channel,
          `${label}-${index}`,
          options.messages(tenant),
          options.check,
          options.thinkMs,
        );
        journeys++;
        turnMs.push(...result.turnMs);
        result.turnMs.forEach((ms, step) => (stepMs[step] ??= []).push(ms));
        if (!result.ok) {
          failedJourneys++;
          if (problems.length < 5) problems.push(result.problem ?? 'failed');
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { turns: turnMs.length, journeys, failedJourneys, seconds, turnMs, stepMs, problems };
}

export interface CallsJourney {
  /** Connect calls by operation for each part, from the simulator's journal. */
  reportAndBook: Record<string, number>;
  rebook: Record<string, number>;
  cancel: Record<string, number>;
  problems: string[];
}

interface JournalEntry {
  seq: number;
  operationId?: string | null;
  method: string;
  path: string;
  status: number;
}

export async function journal(simulatorOrigin: string, since = 0): Promise<JournalEntry[]> {
  const response = await fetch(`${simulatorOrigin}/simulator/journal?since=${since}`);
  return (await response.json()) as JournalEntry[];
}

export const lastSeq = (entries: readonly JournalEntry[]): number =>
  entries.reduce((max, entry) => Math.max(max, entry.seq), 0);

export function countCalls(entries: readonly JournalEntry[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const entry of entries) {
    const key = entry.operationId ?? `${entry.method} ${entry.path}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/**
 * One tenant reports and books, then moves the visit (My appointments, review, move) and cancels the repair
 * (My appointments, review, cancel); the simulator's journal says which Connect calls each part made.
 */
export async function callsJourney(
  channel: BenchChannel,
  simulatorOrigin: string,
  tenant: BenchTenant,
  conversationId: string,
): Promise<CallsJourney> {
  const problems: string[] = [];
  const say = async (text: string) => {
    const turn = await channel.say(conversationId, text);
    if (turn.status >= 300) problems.push(`"${text}": HTTP ${turn.status}`);
    return turn;
  };
  const { postcode, house } = identityAnswers(tenant);
  let mark = lastSeq(await journal(simulatorOrigin));
  const part = async (): Promise<Record<string, number>> => {
    const entries = await journal(simulatorOrigin, mark);
    mark = Math.max(mark, lastSeq(entries));
    return countCalls(entries);
  };

  // A slot after today (the last one offered): a visit due today cannot be moved online.
  const messages = happyPath(tenant);
  let offer: Turn | undefined;
  for (const text of messages.slice(0, -1)) offer = await say(text);
  const later = buttonsOf(offer?.replies.at(-1)).filter((title) => !/none of these/i.test(title));
  const bookedTurn = await say(later.at(-1) ?? messages.at(-1)!);
  if (!booked(bookedTurn)) problems.push(`book: ${textOf(bookedTurn.replies).slice(0, 160)}`);
  const reportAndBook = await part();

  await say('My appointments');
  await say(postcode);
  const list = await say(house);
  if (!buttonsOf(list.replies.at(-1)).includes('Move an appointment')) problems.push('no appointment to move');
  const moveOffer = await say('Move an appointment');
  const slot = buttonsOf(moveOffer.replies.at(-1)).find((title) => !/none of these/i.test(title));
  if (!slot) problems.push(`no slot offered to move to: ${textOf(moveOffer.replies).slice(0, 160)}`);
  const moved = await say(slot ?? '1');
  if (!/Moved from/.test(textOf(moved.replies))) problems.push(`move: ${textOf(moved.replies).slice(0, 160)}`);
  const rebook = await part();

  await say('My appointments');
  await say('Cancel a repair');
  await say('I fixed it myself');
  const cancelled = await say('Yes, cancel it');
  if (!/^Cancelled: /m.test(textOf(cancelled.replies)))
    problems.push(`cancel: ${textOf(cancelled.replies).slice(0, 160)}`);
  const cancel = await part();
  return { reportAndBook, rebook, cancel, problems };
}
