import fs from 'node:fs';
import path from 'node:path';
import { BUILD_TIMEOUT_MS, buildOnce, jsonLines, ROOT, runCli, scratchDir } from './builtCli';

/** A Connect AvailabilityResponse for the week of Monday 7 December 2026 (see the table in the test below). */
const AVAILABILITY = path.join(ROOT, 'test/cli/fixtures/availabilityResponse.json');

interface WhenResult {
  now: string;
  text: string;
  understood: { kind: string; wishedFrom: string | null; fitsWholeWish: boolean | null; constraints: unknown };
  slots: { date: string; planningWindowId: number }[];
}

/** 'yyyy-MM-dd/id' for each slot, so expectations read like the bot's offers. */
const shown = (result: WhenResult | undefined): string[] =>
  (result?.slots ?? []).map((s) => `${s.date}/${s.planningWindowId}`);

async function when(args: string[], env?: Record<string, string>): Promise<WhenResult> {
  const run = await runCli(['when', ...args], { env });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  const [result, ...more] = jsonLines<WhenResult>(run.stdout);
  expect(more).toEqual([]);
  return result as WhenResult;
}

beforeAll(buildOnce, BUILD_TIMEOUT_MS);

describe('repairs-bot when, on the default grid (five planning windows, working days, five weeks)', () => {
  it('gives the constraints understood and the slots in the order the bot offers them', async () => {
    const result = await when(['--now', '2026-12-01T09:00:00Z', 'Thursday afternoon']);
    expect(result).toEqual({
      now: '2026-12-01T09:00:00.000Z',
      text: 'Thursday afternoon',
      understood: {
        kind: 'wish',
        wishedFrom: '2026-12-03',
        fitsWholeWish: true,
        // Thursday, in the afternoon (12:00 to 17:00, in minutes since midnight); nothing refused.
        constraints: {
          wanted: [
            {
              day: { kind: 'weekday', weekday: 4 },
              time: expect.objectContaining({ kind: 'span', from: 720, until: 1020 }),
            },
          ],
          unwanted: [],
        },
      },
      slots: ['2026-12-03', '2026-12-10', '2026-12-17', '2026-12-24', '2026-12-31'].map((date) => ({
        date,
        planningWindowId: 3,
      })),
    });
  });

  it('skips a bank holiday: "Monday morning" before the Spring bank holiday is the Monday after', async () => {
    const result = await when(['--now', '2026-05-22T10:00:00+01:00', 'monday morning']);
    expect(result.understood).toMatchObject({ kind: 'wish', wishedFrom: '2026-05-25', fitsWholeWish: true });
    expect(shown(result)[0]).toBe('2026-06-01/2');
    expect(result.slots.some((s) => s.date === '2026-05-25')).toBe(false);
  });

  it('skips Good Friday and Easter Monday: "the earliest" on the Thursday evening is the Tuesday', async () => {
    const result = await when(['--now', '2026-04-02T17:00:00+01:00', 'the earliest']);
    expect(result.understood.kind).toBe('chosen');
    expect(shown(result)).toEqual(['2026-04-07/2']);
  });

  // Windows are on London's wall clock whatever the machine's zone (TZ is set to another one on purpose).
  it('after the clocks go back, 07:30 UTC is 07:30 in London: the morning has not started', async () => {
    const result = await when(['--now', '2026-10-26T07:30:00Z', 'today'], { TZ: 'Pacific/Auckland' });
    expect(shown(result)).toEqual(['2026-10-26/2', '2026-10-26/4', '2026-10-26/3', '2026-10-26/1']);
  });

  it('after the clocks go forward, 07:30 UTC is 08:30 in London: the morning and all-day windows are gone', async () => {
    const result = await when(['--now', '2026-03-30T07:30:00Z', 'today'], { TZ: 'America/New_York' });
    expect(result.understood).toMatchObject({ kind: 'wish', wishedFrom: '2026-03-30', fitsWholeWish: true });
    expect(shown(result)).toEqual(['2026-03-30/4', '2026-03-30/3']);
  });

  it('reads "now" in BOT_TIMEZONE, and --tz wins over it', async () => {
    const now = ['--now', '2026-12-01T06:30:00Z', 'today'];
    const tokyo = await when(now, { BOT_TIMEZONE: 'Asia/Tokyo' }); // 15:30 there: nothing left today
    expect(tokyo.understood.fitsWholeWish).toBe(false);
    expect(shown(tokyo).every((slot) => slot > '2026-12-01')).toBe(true);
    const london = await when(['--tz', 'Europe/London', ...now], { BOT_TIMEZONE: 'Asia/Tokyo' });
    expect(london.understood.fitsWholeWish).toBe(true);
    expect(shown(london)).toEqual(['2026-12-01/2', '2026-12-01/4', '2026-12-01/3', '2026-12-01/1']);
  });

  it('says when it did not understand, with no slots', async () => {
    const result = await when(['--now', '2026-12-01T09:00:00Z', 'banana']);
    expect(result.understood).toEqual({ kind: 'unclear', wishedFrom: null, fitsWholeWish: null, constraints: null });
    expect(result.slots).toEqual([]);
  });
});

describe('repairs-bot when --availability FILE (a Connect AvailabilityResponse)', () => {
  // Week of Monday 7 December 2026 in the file (P Preferred, A Available, - not):
  //            Mon Tue Wed Thu Fri Sat Sun
  // ALL DAY     A   -   -   A   -   -   -
  // MORNING     A   -   P   -   A   -   -
  // AFTERNOON   P   A   -   A   -   -   -
  // SCHOOL RUN  -   -   -   -   -   -   -
  // OUT OF HRS  -   -   -   -   -   A   -
  // The first page the bot shows: 07/3 (Preferred first), 07/2, 07/1, 08/3, 09/2.
  const at = ['--now', '2026-12-04T12:00:00Z', '--availability', AVAILABILITY];

  // The rows are one test set on standard input: one process reads them all, as a person would run a bank of them.
  const ROWS: [string, string, string[]][] = [
    ['1', 'chosen', ['2026-12-07/3']],
    ['the earliest', 'chosen', ['2026-12-07/2']],
    ['none of these', 'none-of-these', ['2026-12-10/3', '2026-12-10/1', '2026-12-11/2']],
    ['mornings', 'wish', ['2026-12-07/2', '2026-12-09/2', '2026-12-11/2']],
    ['Thursday', 'wish', ['2026-12-10/3', '2026-12-10/1']],
  ];

  it('offers from the file in the bot\'s order: picks, "the earliest", "none of these" and wishes', async () => {
    const input = ROWS.map(([text]) => JSON.stringify({ now: '2026-12-04T12:00:00Z', text })).join('\n');
    const run = await runCli(['when', '--availability', AVAILABILITY], { input });
    expect(run.status).toBe(0);
    const results = jsonLines<WhenResult>(run.stdout);
    expect(results.map((r) => [r.text, r.understood.kind, shown(r)])).toEqual(ROWS);
  });

  it('keeps the out-of-hours window for emergencies', async () => {
    const routine = await when([...at, 'saturday evening']);
    expect(routine.understood).toMatchObject({ kind: 'wish', wishedFrom: '2026-12-05', fitsWholeWish: false });
    expect(shown(routine)).not.toContain('2026-12-12/5');
    const emergency = await when([...at, '--emergency', 'saturday evening']);
    expect(emergency.understood.fitsWholeWish).toBe(true);
    expect(shown(emergency)).toEqual(['2026-12-12/5']);
  });

  it('stops with status 2 on a file that is not an AvailabilityResponse', async () => {
    const dir = scratchDir('when');
    try {
      const file = path.join(dir, 'not-availability.json');
      fs.writeFileSync(file, JSON.stringify({ Days: [] }));
      const run = await runCli(['when', '--now', '2026-12-04T12:00:00Z', '--availability', file, 'monday']);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/is not a Connect AvailabilityResponse/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('repairs-bot when, a test set on standard input', () => {
  it('prints one result a line, in order, in one process', async () => {
    const lines = [
      { now: '2026-12-01T09:00:00Z', text: 'Thursday afternoon' },
      { now: '2026-05-22T10:00:00+01:00', text: 'monday morning' },
      { now: '2026-03-30T07:30:00Z', text: 'today' },
    ];
    const run = await runCli(['when'], { input: lines.map((line) => JSON.stringify(line)).join('\n') });
    expect(run.status).toBe(0);
    const results = jsonLines<WhenResult>(run.stdout);
    expect(results.map((r) => r.text)).toEqual(['Thursday afternoon', 'monday morning', 'today']);
    expect(shown(results[0])[0]).toBe('2026-12-03/3');
    expect(shown(results[1])[0]).toBe('2026-06-01/2');
    expect(shown(results[2])).toEqual(['2026-03-30/4', '2026-03-30/3']);
  });

  it('uses --now for lines without one, reports a bad line in its place and exits 1', async () => {
    const input = ['{"text": "Thursday"}', 'not json', '{"now": "yesterday-ish", "text": "Friday"}', '{"text": "1"}'];
    const run = await runCli(['when', '--now', '2026-12-04T12:00:00Z', '--availability', AVAILABILITY], {
      input: `${input.join('\n')}\n`,
    });
    expect(run.status).toBe(1);
    const results = jsonLines<Partial<WhenResult> & { line?: number; error?: string }>(run.stdout);
    expect(results).toHaveLength(4);
    expect(shown(results[0] as WhenResult)).toEqual(['2026-12-10/3', '2026-12-10/1']);
    expect(results[1]).toEqual({ line: 2, error: expect.stringMatching(/not a JSON object/) });
    expect(results[2]).toEqual({ line: 3, error: expect.stringMatching(/not an ISO 8601/) });
    expect(shown(results[3] as WhenResult)).toEqual(['2026-12-07/3']);
  });
});

describe('repairs-bot when, mistakes', () => {
  it.each([
    [['when', 'Thursday'], /--now is required/],
    [['when', '--now', 'tomorrow', 'Thursday'], /--now: "tomorrow" is not an ISO 8601/],
    [['when', '--now', '2026-12-01T09:00:00Z', '--tz', 'Mars/Olympus', 'Thursday'], /--tz: "Mars\/Olympus"/],
  ])('%j exits 2 and says why', async (args, message) => {
    const run = await runCli(args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
  });
});
