import { type FunnelEvent, type FunnelEventName, type IdentifiedHow } from './funnelEvents';

/**
 * The funnel of reporting a repair, as conversations: a conversation counts at a step when it has reached that step
 * and every step before it (in any order: the tenant check may come before or after the diagnosis). A step may
 * be reached by more than one event, e.g. external work goes from the order straight to the contractor.
 */
export const FUNNEL_STEPS: readonly { label: string; events: readonly FunnelEventName[] }[] = [
  { label: 'Conversation started', events: ['conversation-started'] },
  { label: 'Repair type proposed', events: ['diagnosis-proposed'] },
  { label: 'Repair type accepted', events: ['diagnosis-accepted'] },
  { label: 'Tenant identified', events: ['tenant-identified'] },
  { label: 'Order created', events: ['order-created'] },
  { label: 'Times offered (or contractor)', events: ['slots-offered', 'contractor-order'] },
  { label: 'Visit booked (or contractor)', events: ['booked', 'contractor-order'] },
];

/** Other things that happen in conversations, counted on their own. */
export const OTHER_OUTCOMES: readonly { label: string; event: FunnelEventName }[] = [
  { label: 'Emergency detected', event: 'emergency-detected' },
  { label: 'Repair type corrected', event: 'diagnosis-corrected' },
  { label: 'Kept for later (Connect down)', event: 'order-kept' },
  { label: 'Contractor order', event: 'contractor-order' },
  { label: 'Visit booked', event: 'booked' },
  { label: 'Visit moved', event: 're-booked' },
  { label: 'Repair cancelled', event: 'cancelled' },
  { label: 'Handed to the repairs team', event: 'handed-off' },
];

/**
 * A conversation is finished once one of these has happened: the repair reached Connect (or the outbox), the
 * repairs team has it, an appointment was changed, or the tenant was told to phone about an emergency.
 */
const FINISHED: ReadonlySet<FunnelEventName> = new Set([
  'order-created',
  'order-kept',
  'booked',
  'contractor-order',
  're-booked',
  'cancelled',
  'handed-off',
]);

export const DEFAULT_IDLE_MINUTES = 30;

export interface FunnelStepCount {
  label: string;
  conversations: number;
  /** Of the previous step's conversations; null for the first step or when the previous step has none. */
  ofPrevious: number | null;
  /** Of the first step's conversations. */
  ofStarted: number | null;
}

export interface FunnelReport {
  since: string | null;
  /** Distinct conversations with any event in the period. */
  conversations: number;
  events: number;
  first: string | null;
  last: string | null;
  steps: FunnelStepCount[];
  identifiedBy: Record<IdentifiedHow, number>;
  outcomes: { label: string; event: FunnelEventName; conversations: number }[];
  /**
   * Conversations not finished (see FINISHED) that either ended with the tenant saying "stop" or "start again", or
   * have been idle for at least `idleMinutes` at `now`.
   */
  abandoned: { conversations: number; idleMinutes: number; stopped: number; idle: number };
}

const ratio = (part: number, whole: number | undefined) => (whole ? part / whole : null);

export function funnelReport(
  allEvents: readonly FunnelEvent[],
  options: { since?: Date; now: Date; idleMinutes?: number },
): FunnelReport {
  const idleMinutes = options.idleMinutes ?? DEFAULT_IDLE_MINUTES;
  const events = allEvents
    .filter((e) => !options.since || new Date(e.at) >= options.since)
    .sort((a, b) => a.at.localeCompare(b.at));
  const byConversation = new Map<string, FunnelEvent[]>();
  for (const event of events) {
    const list = byConversation.get(event.conversation) ?? [];
    list.push(event);
    byConversation.set(event.conversation, list);
  }
  const conversations = [...byConversation.values()].map((list) => ({
    names: new Set(list.map((e) => e.name)),
    events: list,
  }));

  const steps: FunnelStepCount[] = [];
  let reaching = conversations;
  for (const [index, step] of FUNNEL_STEPS.entries()) {
    reaching = reaching.filter((c) => step.events.some((name) => c.names.has(name)));
    const previous = steps[index - 1]?.conversations;
    steps.push({
      label: step.label,
      conversations: reaching.length,
      ofPrevious: index === 0 ? null : ratio(reaching.length, previous),
      ofStarted: index === 0 ? null : ratio(reaching.length, steps[0]?.conversations),
    });
  }

  const identifiedBy: Record<IdentifiedHow, number> = { questions: 0, teams: 0, website: 0, 'sms-known-mobile': 0 };
  for (const c of conversations) {
    const hows = new Set(c.events.filter((e) => e.name === 'tenant-identified').map((e) => e.detail.how));
    for (const how of hows) if (typeof how === 'string' && how in identifiedBy) identifiedBy[how as IdentifiedHow] += 1;
  }

  let stopped = 0;
  let idle = 0;
  for (const c of conversations) {
    if ([...c.names].some((name) => FINISHED.has(name))) continue;
    // An emergency the tenant was told to phone about is dealt with: nothing more was expected here.
    if (c.events.some((e) => e.name === 'emergency-detected' && e.detail.instruction !== 'book-emergency')) continue;
    const last = c.events.at(-1)!;
    if (last.name === 'abandoned') stopped += 1;
    else if (options.now.getTime() - new Date(last.at).getTime() >= idleMinutes * 60_000) idle += 1;
  }

  return {
    since: options.since ? options.since.toISOString() : null,
    conversations: conversations.length,
    events: events.length,
    first: events[0]?.at ?? null,
    last: events.at(-1)?.at ?? null,
    steps,
    identifiedBy,
    outcomes: OTHER_OUTCOMES.map(({ label, event }) => ({
      label,
      event,
      conversations: conversations.filter((c) => c.names.has(event)).length,
    })),
    abandoned: { conversations: stopped + idle, idleMinutes, stopped, idle },
  };
}

const percent = (value: number | null) => (value === null ? '' : `${Math.round(value * 100)}%`);

/** The report as a person reads it on a terminal. */
export function formatFunnel(report: FunnelReport): string {
  const since = report.since ? ` since ${report.since}` : '';
  if (report.conversations === 0) return `No funnel events${since}.\n`;
  const width = Math.max(...FUNNEL_STEPS.map((s) => s.label.length), ...OTHER_OUTCOMES.map((o) => o.label.length));
  const lines = [
    `Funnel of ${report.conversations} conversation${report.conversations === 1 ? '' : 's'}${since} (${report.events} events, ${report.first} to ${report.last})`,
    '',
    `${'Reporting a repair'.padEnd(width + 4)}  conversations  of previous  of started`,
    ...report.steps.map(
      (step, i) =>
        `  ${String(i + 1)}. ${step.label.padEnd(width)}  ${String(step.conversations).padStart(13)}  ${percent(step.ofPrevious).padStart(11)}  ${percent(step.ofStarted).padStart(10)}`,
    ),
    '',
    `Tenant identified by: ${Object.entries(report.identifiedBy)
      .map(([how, count]) => `${how} ${count}`)
      .join(', ')}`,
    '',
    `${'Along the way'.padEnd(width + 4)}  conversations`,
    ...report.outcomes.map((o) => `     ${o.label.padEnd(width)}  ${String(o.conversations).padStart(13)}`),
    `     ${'Abandoned'.padEnd(width)}  ${String(report.abandoned.conversations).padStart(13)}  (said stop or start again: ${report.abandoned.stopped}; idle ${report.abandoned.idleMinutes}+ minutes before finishing: ${report.abandoned.idle})`,
  ];
  return `${lines.map((line) => line.trimEnd()).join('\n')}\n`;
}
