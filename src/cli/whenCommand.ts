import { type WishConstraints } from '../repairs/slots/wish/wishTypes';
import fs from 'node:fs';
import { type Command } from 'commander';
import { DateTime } from 'luxon';
import { type AvailabilityResponse } from '../connect';
import { availabilityGridFrom } from '../repairs/reporting/availabilityGrid';
import { type AvailabilityGrid, chooseSlot, createWishParser, offerSlots, type Slot } from '../repairs/slots';
import { defaultAvailabilityGrid } from '../repairs/slots/defaultGrid';
import { type IsoDate } from '../repairs/time';
import { CliError } from './cliError';
import { type CliSettings } from './cliSettings';
import { nonBlankLines, printJsonLine } from './lines';

/** As many slots as the bot shows at once. */
const PAGE_SIZE = 5;

/**
 * What the bot understood of a tenant's answer to "When can we come?", and the slots it would show next, in its
 * order. `understood.kind` is chooseSlot's: a pick from the first page ('chosen'), "none of these" (the next page),
 * a wish in their own words ('wish'), or 'unclear' (no slots: the bot asks again). For a wish, `wishedFrom` is the
 * first day it names and `fitsWholeWish` says whether the slots fit all of it (false: the nearest free ones).
 */
export interface WhenResult {
  now: string;
  text: string;
  understood: {
    kind: 'chosen' | 'none-of-these' | 'wish' | 'unclear';
    wishedFrom: IsoDate | null;
    fitsWholeWish: boolean | null;
    /** The wish as constraints: wanted and unwanted days (dates, weekdays 1–7, ranges), times (minutes since midnight) and named windows. */
    constraints: WishConstraints | null;
  };
  slots: Slot[];
}

export interface WhenOptions {
  now: Date;
  zone: string;
  emergency: boolean;
}

/** The bot's own steps (BookVisitDialog): offer the first page, read the answer against it, show what follows. */
export function whenResult(text: string, grid: AvailabilityGrid, options: WhenOptions): WhenResult {
  const rules = { now: options.now, zone: options.zone, emergency: options.emergency };
  const offered = offerSlots(grid, { ...rules, count: PAGE_SIZE }).slots;
  const choice = chooseSlot(text, offered, grid, { ...rules, parser: createWishParser() });
  const result = (understood: Partial<WhenResult['understood']>, slots: Slot[]): WhenResult => ({
    now: options.now.toISOString(),
    text,
    understood: { kind: choice.kind, wishedFrom: null, fitsWholeWish: null, constraints: null, ...understood },
    slots: slots.map(({ date, planningWindowId }) => ({ date, planningWindowId })),
  });
  switch (choice.kind) {
    case 'chosen':
      return result({}, [choice.slot]);
    case 'none-of-these':
      return result({}, offerSlots(grid, { ...rules, count: PAGE_SIZE, exclude: offered }).slots);
    case 'wish': {
      const fits = choice.fits.length > 0;
      const slots = (fits ? choice.fits : choice.nearest).slice(0, PAGE_SIZE);
      return result({ wishedFrom: choice.wishedFrom, fitsWholeWish: fits, constraints: choice.constraints }, slots);
    }
    case 'unclear':
      return result({}, []);
  }
}

/** An ISO 8601 instant; without an offset it is read on the wall clock of `zone`. */
export function parseNow(value: string, zone: string, label = '--now'): Date {
  const parsed = DateTime.fromISO(value, { zone });
  if (!parsed.isValid)
    throw new CliError(`${label}: "${value}" is not an ISO 8601 date and time (${parsed.invalidReason})`);
  return parsed.toJSDate();
}

function checkZone(zone: string): string {
  if (!DateTime.local().setZone(zone).isValid) throw new CliError(`--tz: "${zone}" is not an IANA time zone`);
  return zone;
}

/** A Connect AvailabilityResponse (the answer of GET /api/Availability) from a file, as the bot's grid. */
export function readAvailabilityFile(file: string): AvailabilityGrid {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CliError(`--availability: ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const response = json as AvailabilityResponse;
  if (
    typeof json !== 'object' ||
    json === null ||
    !Array.isArray(response.PlanningWindows) ||
    !Array.isArray(response.AvailabilityPlanningWindows)
  ) {
    throw new CliError(
      `--availability: ${file} is not a Connect AvailabilityResponse (it needs PlanningWindows and AvailabilityPlanningWindows)`,
    );
  }
  return availabilityGridFrom(response);
}

interface WhenCommandOptions {
  now?: string;
  availability?: string;
  tz?: string;
  emergency?: boolean;
}

export function registerWhenCommand(program: Command, settings: CliSettings): void {
  program
    .command('when')
    .summary('What the bot understands of a "when can we come" answer, and the slots it would offer (JSON)')
    .description(
      'What the bot understands of a tenant\'s "when can we come" answer, and the slots it would offer, as JSON. ' +
        'Without TEXT, reads one {"now", "text"} object a line from standard input and prints one result a line',
    )
    .argument('[text]', 'the answer, e.g. "Thursday afternoon" or "not Monday"')
    .option('--now <iso>', 'the moment of the answer, ISO 8601 (required with TEXT; the default for input lines)')
    .option(
      '--availability <file>',
      "a Connect AvailabilityResponse (JSON) to offer from; default: all five planning windows on the next five weeks' working days",
    )
    .option(
      '--tz <zone>',
      'the time zone of the tenant and of the planning windows (default: BOT_TIMEZONE or Europe/London)',
    )
    .option('--emergency', 'as for an emergency: out-of-hours windows may be offered', false)
    .action(async (text: string | undefined, options: WhenCommandOptions) => {
      const zone = checkZone(settings.timeZone(options.tz));
      const fixedGrid = options.availability ? readAvailabilityFile(options.availability) : undefined;
      const run = (answer: string, now: Date): WhenResult =>
        whenResult(answer, fixedGrid ?? defaultAvailabilityGrid(now, zone), {
          now,
          zone,
          emergency: options.emergency ?? false,
        });

      if (text !== undefined) {
        if (!options.now) throw new CliError('when: --now is required with TEXT (e.g. --now 2026-12-01T09:00:00Z)');
        printJsonLine(run(text, parseNow(options.now, zone)));
        return;
      }
      let lineNumber = 0;
      for await (const line of nonBlankLines()) {
        lineNumber += 1;
        try {
          const input = parseInputLine(line);
          if (input.now === undefined && options.now === undefined) {
            throw new CliError('"now" is missing and no --now was given');
          }
          const now =
            input.now === undefined ? parseNow(options.now as string, zone) : parseNow(input.now, zone, '"now"');
          printJsonLine(run(input.text, now));
        } catch (error) {
          // One bad line of a test set must not hide the results of the others.
          printJsonLine({ line: lineNumber, error: error instanceof Error ? error.message : String(error) });
          process.exitCode = 1;
        }
      }
    });
}

function parseInputLine(line: string): { now?: string; text: string } {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    throw new CliError('not a JSON object such as {"now": "2026-12-01T09:00:00Z", "text": "Thursday afternoon"}');
  }
  const input = json as { now?: unknown; text?: unknown };
  if (typeof json !== 'object' || json === null || typeof input.text !== 'string') {
    throw new CliError('"text" is missing (expected a string)');
  }
  if (input.now !== undefined && typeof input.now !== 'string') throw new CliError('"now" must be a string');
  return { now: input.now, text: input.text };
}
