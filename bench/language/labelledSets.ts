import fs from 'node:fs';
import { z } from 'zod';
import { addDays, isIsoDate, type IsoDate } from '../../src/repairs/time/calendarDate';

/**
 * The benchmark's labelled sets and how they are read. A malformed file stops the benchmark (exit 1): figures
 * computed from a half-read set would mislead.
 */

const isoDate = z.string().refine(isIsoDate, { message: 'must be a yyyy-MM-dd date' });

export const repairMessageSchema = z.strictObject({
  text: z.string().min(1),
  /** Acceptable repair codes, the most likely first. */
  codes: z.array(z.string().min(1)).min(1),
  /** The catalogue emergency the detector must raise, or null. */
  emergency: z.string().min(1).nullable(),
  /** Written after the last change to the lexicons and thresholds, and never tuned on. */
  heldOut: z.boolean().optional(),
  /** When it was written: 0 the first set, then one batch per round of held-out messages (see heldOutHistory.json). */
  batch: z.number().int().min(0).optional(),
});
export type RepairMessage = z.infer<typeof repairMessageSchema>;

const slotSchema = z.strictObject({ date: isoDate, planningWindowId: z.number().int().positive() });
export type LabelledSlot = z.infer<typeof slotSchema>;

/**
 * What a wish accepts: a list of slots, or a rule — any of `windows` on any of `dates` (or on every day from
 * `from` to `to`, both included).
 */
const acceptableRuleSchema = z.union([
  z.strictObject({ dates: z.array(isoDate).min(1), windows: z.array(z.number().int().positive()).min(1) }),
  z.strictObject({ from: isoDate, to: isoDate, windows: z.array(z.number().int().positive()).min(1) }),
]);

export const wishSchema = z.strictObject({
  /** The instant the tenant writes, ISO 8601 with Z or an offset. */
  now: z.string().refine((value) => /T.*(Z|[+-]\d\d:\d\d)$/.test(value) && !Number.isNaN(Date.parse(value)), {
    message: 'must be an ISO instant with Z or an offset',
  }),
  text: z.string().min(1),
  acceptable: z.union([z.array(slotSchema).min(1), acceptableRuleSchema]),
  /** False when no window satisfies the whole wish: the bot must say so and offer the nearest. Default true. */
  exact: z.boolean().optional(),
  /** Written after the last change to the wish normaliser, constraints and matcher, and never tuned on. */
  heldOut: z.boolean().optional(),
  note: z.string().optional(),
});
export type Wish = z.infer<typeof wishSchema>;

export function acceptableSlots(wish: Wish): LabelledSlot[] {
  const { acceptable } = wish;
  if (Array.isArray(acceptable)) return acceptable;
  const dates: IsoDate[] = [];
  if ('dates' in acceptable) dates.push(...acceptable.dates);
  else for (let day = acceptable.from; day <= acceptable.to; day = addDays(day, 1)) dates.push(day);
  return dates.flatMap((date) => acceptable.windows.map((planningWindowId) => ({ date, planningWindowId })));
}

export class MalformedSetError extends Error {}

export function readSet<T>(file: string, schema: z.ZodType<T>, minimum: number): T[] {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new MalformedSetError(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = z.array(schema).safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 10).map((issue) => `  $.${issue.path.join('.')}: ${issue.message}`);
    throw new MalformedSetError(`${file} is malformed:\n${problems.join('\n')}`);
  }
  if (parsed.data.length < minimum) {
    throw new MalformedSetError(`${file} holds ${parsed.data.length} entries; the benchmark needs ${minimum}`);
  }
  return parsed.data;
}

/** A batch that was held out when it was first measured, before later tuning used it. */
export const heldOutRoundSchema = z.strictObject({
  batch: z.number().int().min(0),
  messages: z.number().int().positive(),
  measuredBeforeTuningOnIt: z.boolean(),
  /** Absent while the batch is still held out for diagnosis: its figures are then measured live. */
  top1: z.number().min(0).max(1).optional(),
  top3: z.number().min(0).max(1).optional(),
  emergencyRecall: z.string(),
  note: z.string(),
});
export type HeldOutRound = z.infer<typeof heldOutRoundSchema>;
