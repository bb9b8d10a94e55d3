import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  Funnel,
  type FunnelEvent,
  type FunnelEventName,
  funnelReport,
  JsonLinesFunnelRecorder,
  readFunnelLog,
} from '../../src/repairs/telemetry';
import { fixedClock } from '../../src/repairs/time';

const T0 = Date.parse('2026-12-01T09:00:00Z');

/** A conversation's events, `minutes` after T0 each. */
function conversation(id: string, steps: [FunnelEventName, number, Record<string, string>?][]): FunnelEvent[] {
  return steps.map(([name, minutes, detail]) => ({
    name,
    at: new Date(T0 + minutes * 60_000).toISOString(),
    conversation: id,
    channel: 'directline',
    detail: detail ?? {},
  }));
}

const booked = conversation('booked', [
  ['conversation-started', 0],
  ['diagnosis-proposed', 0],
  ['diagnosis-accepted', 1],
  ['tenant-identified', 2, { how: 'questions' }],
  ['order-created', 3],
  ['slots-offered', 3],
  ['booked', 4],
]);
const contractor = conversation('contractor', [
  ['conversation-started', 0],
  ['tenant-identified', 1, { how: 'teams' }], // before the diagnosis: the order of steps does not matter
  ['diagnosis-proposed', 1],
  ['diagnosis-accepted', 1],
  ['order-created', 2],
  ['contractor-order', 2],
]);
const leftAtTenantCheck = conversation('left', [
  ['conversation-started', 0],
  ['diagnosis-proposed', 0],
  ['diagnosis-accepted', 1],
]);
const stopped = conversation('stopped', [
  ['conversation-started', 0],
  ['abandoned', 1, { reason: 'stop' }],
]);
const gas = conversation('gas', [
  ['conversation-started', 0],
  ['emergency-detected', 0, { instruction: 'call-gas-emergency' }],
]);
const appointments = conversation('appointments', [
  ['conversation-started', 0],
  ['tenant-identified', 1, { how: 'sms-known-mobile' }],
  ['cancelled', 2],
]);
const recent = conversation('recent', [
  ['conversation-started', 50],
  ['diagnosis-proposed', 50],
]);
const all = [...booked, ...contractor, ...leftAtTenantCheck, ...stopped, ...gas, ...appointments, ...recent];

describe('funnelReport', () => {
  const report = funnelReport(all, { now: new Date(T0 + 60 * 60_000), idleMinutes: 30 });

  it('counts conversations that reached each step and every step before it, with the rates', () => {
    expect(report.conversations).toBe(7);
    expect(report.steps.map((s) => [s.label, s.conversations, s.ofPrevious, s.ofStarted])).toEqual([
      ['Conversation started', 7, null, null],
      ['Repair type proposed', 4, 4 / 7, 4 / 7],
      ['Repair type accepted', 3, 3 / 4, 3 / 7],
      // The appointments conversation was identified but proposed nothing: not in the reporting funnel.
      ['Tenant identified', 2, 2 / 3, 2 / 7],
      ['Order created', 2, 1, 2 / 7],
      ['Times offered (or contractor)', 2, 1, 2 / 7],
      ['Visit booked (or contractor)', 2, 1, 2 / 7],
    ]);
    expect(report.identifiedBy).toEqual({ questions: 1, teams: 1, website: 0, 'sms-known-mobile': 1 });
  });

  it('counts as abandoned the unfinished conversations that said stop or have been idle long enough', () => {
    // left (idle 59 minutes) and stopped; not gas (told to phone), appointments (cancelled), recent (idle 10).
    expect(report.abandoned).toEqual({ conversations: 2, idleMinutes: 30, stopped: 1, idle: 1 });
    const sooner = funnelReport(all, { now: new Date(T0 + 60 * 60_000), idleMinutes: 5 });
    expect(sooner.abandoned).toMatchObject({ stopped: 1, idle: 2 });
    const outcome = (event: FunnelEventName) => report.outcomes.find((o) => o.event === event)?.conversations;
    expect([
      outcome('emergency-detected'),
      outcome('cancelled'),
      outcome('contractor-order'),
      outcome('booked'),
    ]).toEqual([1, 1, 1, 1]);
  });

  it('leaves out events before --since', () => {
    const later = funnelReport(all, { now: new Date(T0 + 60 * 60_000), since: new Date(T0 + 45 * 60_000) });
    expect(later.conversations).toBe(1);
    expect(later.steps.map((s) => s.conversations)).toEqual([1, 1, 0, 0, 0, 0, 0]);
    expect(later.steps[2]?.ofPrevious).toBe(0);
  });
});

describe('the JSON-lines funnel log', () => {
  it('appends one event per line, in order, making its folder; a torn last line is skipped on reading', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'repairs-bot-funnel-log-'));
    try {
      const file = path.join(dir, 'nested', 'funnel.jsonl');
      const recorder = new JsonLinesFunnelRecorder(file);
      const funnel = new Funnel(recorder, { clock: fixedClock('2026-12-01T09:00:00Z'), salt: 'salt-salt-salt-salt' });
      const conversation = { channel: 'msteams', id: 'a:1Xyz-conversation' };
      for (let i = 0; i < 50; i += 1)
        funnel.record(funnel.event(conversation, 'slots-offered', { count: i, moving: false }));
      funnel.record(funnel.event(conversation, 'booked'));
      await recorder.close();
      fs.appendFileSync(file, '{"name":"booked","at":"2026-12-0');
      const events = readFunnelLog(file);
      expect(events).toHaveLength(51);
      expect(events.slice(0, 50).map((e) => e.detail.count)).toEqual([...Array(50).keys()]);
      expect(events[50]).toEqual({
        name: 'booked',
        at: '2026-12-01T09:00:00.000Z',
        conversation: expect.stringMatching(/^[0-9a-f]{20}$/),
        channel: 'msteams',
        detail: {},
      });
      expect(fs.readFileSync(file, 'utf8')).not.toContain('1Xyz');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports a write that failed through onError and goes on', async () => {
    const errors: unknown[] = [];
    // A folder that cannot be made: its parent is a file.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'repairs-bot-funnel-log-'));
    fs.writeFileSync(path.join(dir, 'a-file'), '');
    const recorder = new JsonLinesFunnelRecorder(path.join(dir, 'a-file', 'funnel.jsonl'), (error) =>
      errors.push(error),
    );
    const funnel = new Funnel(recorder, { clock: fixedClock('2026-12-01T09:00:00Z'), salt: 'salt-salt-salt-salt' });
    funnel.record(funnel.event({ channel: 'directline', id: 'c' }, 'booked'));
    funnel.record(funnel.event({ channel: 'directline', id: 'c' }, 'cancelled'));
    await recorder.close();
    fs.rmSync(dir, { recursive: true, force: true });
    expect(errors.map((error) => (error as NodeJS.ErrnoException).code)).toEqual(['EEXIST', 'EEXIST']);
  });
});
