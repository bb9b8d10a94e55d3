import fs from 'node:fs';
import path from 'node:path';
import { SqliteStorage } from '../../src/bot/storage/sqliteStorage';
import { StorageRecordStore } from '../../src/bot/storage/storageRecordStore';
import { LearningLog } from '../../src/repairs/learning';
import { BUILD_TIMEOUT_MS, buildOnce, runCli, scratchDir } from './builtCli';

interface ReviewJson {
  since: string | null;
  total: number;
  groups: {
    chosen: string | null;
    subArea: string | null;
    category: string | null;
    outcome: string;
    count: number;
    messages: { at: string; text: string; decision: string; offered: string[] }[];
  }[];
}

let dir: string;
let stateFile: string;

/** The bot's state file as the bot leaves it: entries written through LearningLog over SqliteStorage. */
async function fillStateFile(file: string): Promise<void> {
  const storage = new SqliteStorage(file);
  let now = new Date('2026-11-30T10:00:00Z');
  const log = new LearningLog(new StorageRecordStore(storage), { clock: { now: () => now }, zone: 'Europe/London' });
  const at = (iso: string) => (now = new Date(iso));
  try {
    at('2026-11-30T10:00:00Z');
    const old = await log.recordUnclear({ text: 'the thingy on the wall is banging', decision: 'none', offered: [] });
    await log.recordResolution(old, { chosen: 'HEAT003', outcome: 'chosen' });

    at('2026-12-01T09:15:00Z');
    const one = await log.recordUnclear({
      text: 'My name is Sarah Jones, water under the bath at 12 Acacia Avenue, call 07700 900123',
      decision: 'few',
      offered: ['BATH001', 'LEAK001'],
    });
    await log.recordResolution(one, { chosen: 'BATH001', outcome: 'chosen' });

    at('2026-12-02T14:40:00Z');
    const two = await log.recordUnclear({
      text: 'puddle round the tub, email me at sarah@example.org',
      decision: 'none',
      offered: [],
    });
    await log.recordResolution(two, { chosen: 'BATH001', outcome: 'chosen' });

    at('2026-12-02T15:00:00Z');
    const three = await log.recordUnclear({ text: 'this is Tom, the whatsit is broke', decision: 'none', offered: [] });
    await log.recordResolution(three, { chosen: null, outcome: 'handed-off' });

    at('2026-12-03T08:00:00Z');
    await log.recordUnclear({
      text: 'noise from the loft at LS1 4AB',
      decision: 'few',
      offered: ['ROOF001', 'PEST001'],
    });
  } finally {
    storage.close();
  }
}

beforeAll(async () => {
  dir = scratchDir('review');
  stateFile = path.join(dir, 'bot-state.db');
  await fillStateFile(stateFile);
  await buildOnce();
}, BUILD_TIMEOUT_MS);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('repairs-bot review', () => {
  it('groups the redacted messages by the repair type chosen, most frequent first, with --json', async () => {
    const run = await runCli(['review', '--state', stateFile, '--json']);
    expect(run.status).toBe(0);
    const review = JSON.parse(run.stdout) as ReviewJson;
    expect(review.total).toBe(5);
    expect(review.groups.map((g) => [g.chosen, g.outcome, g.count])).toEqual([
      ['BATH001', 'chosen', 2],
      ['HEAT003', 'chosen', 1],
      [null, 'handed-off', 1],
      [null, 'abandoned', 1],
    ]);
    const [bath] = review.groups;
    expect(bath).toMatchObject({ subArea: expect.any(String), category: expect.any(String) });
    expect(bath?.messages).toEqual([
      {
        at: '2026-12-01T09:15:00.000Z',
        text: 'My name is [name], water under the bath at [address], call [phone]',
        decision: 'few',
        offered: ['BATH001', 'LEAK001'],
      },
      {
        at: '2026-12-02T14:40:00.000Z',
        text: 'puddle round the tub, email me at [email]',
        decision: 'none',
        offered: [],
      },
    ]);
    expect(review.groups[2]?.messages[0]?.text).toBe('this is [name], the whatsit is broke');
    expect(review.groups[3]?.messages[0]?.text).toBe('noise from the loft at [postcode]');
  });

  it('prints a table a person can read, with the redaction visible and no personal data', async () => {
    const run = await runCli(['review', '--state', stateFile]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^5 messages the bot understood poorly/);
    const bath = run.stdout.indexOf('BATH001');
    const heat = run.stdout.indexOf('HEAT003');
    expect(bath).toBeGreaterThan(0);
    expect(heat).toBeGreaterThan(bath);
    expect(run.stdout).toMatch(/BATH001 .*: 2\n/);
    expect(run.stdout).toContain(
      '2026-12-01 09:15  few   "My name is [name], water under the bath at [address], call [phone]"',
    );
    expect(run.stdout).toContain('[offered BATH001, LEAK001]');
    expect(run.stdout).toMatch(/Handed to the repairs team, no repair type chosen: 1/);
    for (const secret of ['Sarah', 'Acacia', '07700', 'sarah@example.org', 'Tom', 'LS1 4AB']) {
      expect(run.stdout).not.toContain(secret);
    }
  });

  it('reads STORAGE_SQLITE_FILE when --state is not given, and only days from --since on', async () => {
    const run = await runCli(['review', '--since', '2026-12-02', '--json'], {
      env: { STORAGE_SQLITE_FILE: stateFile },
    });
    expect(run.status).toBe(0);
    const review = JSON.parse(run.stdout) as ReviewJson;
    expect(review.since).toBe('2026-12-02');
    expect(review.total).toBe(3);
    expect(review.groups.map((g) => g.chosen ?? g.outcome)).toEqual(['BATH001', 'handed-off', 'abandoned']);
  });

  it('says so when nothing was recorded in the period', async () => {
    const run = await runCli(['review', '--state', stateFile, '--since', '2027-01-01']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('No messages the bot understood poorly since 2027-01-01.\n');
  });

  it.each([
    [['review', '--state', 'no/such/state.db'], /there is no state file at no\/such\/state\.db/],
    [['review', '--since', '1 December'], /--since: "1 December" is not a yyyy-MM-dd date/],
  ])('%j exits 2 and says why', async (args, message) => {
    const run = await runCli(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(fs.existsSync('no/such/state.db')).toBe(false);
  });
});
