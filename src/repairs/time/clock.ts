/**
 * The one clock of the domain. Every rule that asks "what time is it?" takes a Clock, so a test can pin "now"
 * and the bot's answers do not depend on when the suite runs.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock stopped at `iso` (an ISO 8601 instant with an offset or Z, e.g. '2026-12-01T09:00:00Z'). */
export function fixedClock(iso: string): Clock {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) throw new Error(`fixedClock: not an ISO instant: ${iso}`);
  return { now: () => new Date(instant.getTime()) };
}
