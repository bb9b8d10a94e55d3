import fs from 'node:fs';
import path from 'node:path';
import { Funnel, type FunnelReport, JsonLinesFunnelRecorder } from '../../src/repairs/telemetry';
import { BUILD_TIMEOUT_MS, buildOnce, runCli, scratchDir } from './builtCli';

let dir: string;
let logFile: string;

/** A log as the bot writes it: two days, three conversations. */
async function writeLog(file: string): Promise<void> {
  let now = new Date('2026-11-30T10:00:00Z');
  const recorder = new JsonLinesFunnelRecorder(file);
  const funnel = new Funnel(recorder, { clock: { now: () => now }, salt: 'a-salt-for-the-cli-test' });
  const a = { channel: 'directline', id: 'a' };
  const b = { channel: 'twilio-sms', id: 'b' };
  const c = { channel: 'msteams', id: 'c' };
  funnel.record(funnel.event(a, 'conversation-started'));
  funnel.record(funnel.event(a, 'diagnosis-proposed', { match: 'one' }));
  funnel.record(funnel.event(a, 'diagnosis-accepted', { code: 'BATH001' }));
  now = new Date('2026-12-01T09:00:00Z');
  funnel.record(funnel.event(b, 'conversation-started'));
  funnel.record(funnel.event(b, 'diagnosis-proposed', { match: 'few' }));
  funnel.record(funnel.event(b, 'diagnosis-accepted', { code: 'LEAK003' }));
  funnel.record(funnel.event(b, 'tenant-identified', { how: 'sms-known-mobile' }));
  funnel.record(funnel.event(b, 'order-created', { code: 'LEAK003', emergency: false }));
  funnel.record(funnel.event(b, 'slots-offered', { count: 5, moving: false }));
  funnel.record(funnel.event(b, 'booked'));
  funnel.record(funnel.event(c, 'conversation-started'));
  funnel.record(funnel.event(c, 'handed-off', { reason: 'something-else' }));
  await recorder.close();
}

beforeAll(async () => {
  dir = scratchDir('funnel');
  logFile = path.join(dir, 'funnel.jsonl');
  await writeLog(logFile);
  await buildOnce();
}, BUILD_TIMEOUT_MS);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('repairs-bot funnel', () => {
  it('prints every step with its count and its rates, and the other outcomes', async () => {
    const run = await runCli(['funnel', '--file', logFile, '--at', '2026-12-01T12:00:00Z']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Funnel of 3 conversations \(12 events, 2026-11-30T10:00:00.000Z to 2026-12-01/);
    expect(run.stdout).toMatch(/ 2\. Repair type proposed +2 +67% +67%\n/);
    expect(run.stdout).toMatch(/ 4\. Tenant identified +1 +50% +33%\n/);
    expect(run.stdout).toMatch(/ 7\. Visit booked \(or contractor\) +1 +100% +33%\n/);
    expect(run.stdout).toContain('sms-known-mobile 1');
    expect(run.stdout).toMatch(/Handed to the repairs team +1\n/);
    // a: accepted a repair type the day before, then nothing: abandoned. c was handed off: finished.
    expect(run.stdout).toMatch(/Abandoned +1 +\(said stop or start again: 0; idle 30\+ minutes before finishing: 1\)/);
  });

  it('reads FUNNEL_LOG_FILE, counts only days from --since on, and prints JSON with --json', async () => {
    const run = await runCli(['funnel', '--since', '2026-12-01', '--json'], { env: { FUNNEL_LOG_FILE: logFile } });
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as FunnelReport;
    expect(report.since).toBe('2026-12-01');
    expect(report.conversations).toBe(2);
    expect(report.steps.map((s) => s.conversations)).toEqual([2, 1, 1, 1, 1, 1, 1]);
    expect(report.outcomes.find((o) => o.event === 'handed-off')?.conversations).toBe(1);
  });

  it('says so when the period has no events', async () => {
    const run = await runCli(['funnel', '--file', logFile, '--since', '2027-01-01']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('No funnel events since 2027-01-01.\n');
  });

  it.each([
    [['funnel', '--file', 'no/such/funnel.jsonl'], /there is no event log at no\/such\/funnel\.jsonl/],
    [['funnel', '--since', '1 December'], /--since: "1 December" is not a yyyy-MM-dd date/],
    [['funnel', '--idle', 'a while'], /--idle: "a while" is not a whole number of minutes/],
    [['funnel', '--at', 'teatime'], /--at: "teatime" is not an ISO 8601 time/],
  ])('%j exits 2 and says why', async (args, message) => {
    const run = await runCli(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});
