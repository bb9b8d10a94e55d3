import path from 'node:path';
import fs from 'node:fs';
import { BUILD_TIMEOUT_MS, buildOnce, runCli, scratchDir } from './builtCli';
import { readFunnelLog } from '../../src/repairs/telemetry';

let dir: string;
beforeAll(async () => {
  dir = scratchDir('chat');
  await buildOnce();
}, BUILD_TIMEOUT_MS);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** `repairs-bot chat` with the tenant's lines piped in, on the embedded simulator. */
function chat(lines: readonly string[]) {
  return runCli(['chat'], {
    input: `${lines.join('\n')}\n`,
    env: { FUNNEL_LOG_FILE: path.join(dir, 'funnel.jsonl') },
  });
}

describe('repairs-bot chat', () => {
  it('talks to the real bot on the embedded simulator: buttons as numbered choices, a number picks one', async () => {
    const run = await chat(['hello', '1', 'my bath is leaking', 'LS1 4AB', 'Flat 3, Hart', '1', '1', '2', 'quit']);
    process.stdout.write(`$ repairs-bot chat\n${run.stdout}`);
    expect(run.status).toBe(0);
    const out = run.stdout;
    expect(out).toMatch(/^Chatting with the repairs bot on the Connect simulator\./);
    expect(out).toContain("bot: Hello, I'm the repairs assistant");
    expect(out).toContain(
      [
        'you> hello',
        'bot: What would you like to do? You can also just tell me what needs repairing.',
        '       1. Report a repair',
        '       2. My appointments',
        '       3. Something else',
        'you> 1',
        'bot: What needs repairing? Choose the closest.',
      ].join('\n'),
    );
    expect(out).toMatch(/you> 1\nbot: Please check your report:\n {5}Repair: Bath leaking/);
    expect(out).toMatch(/Your repair is logged\. Your reference is RB [0-9A-Z ]+\./);
    // "2" chose the second time offered: the bot booked exactly that one.
    const second = /When can we come\? These are the earliest free times:\n.*\n {7}2\. (.+)\n/.exec(out)?.[1];
    expect(second).toBeDefined();
    expect(out).toContain(`you> 2\nbot: Booked: ${second}.`);
    expect(out.trimEnd().endsWith('Bye.')).toBe(true);
    // The same bot as the server: its funnel events, with the terminal as the channel.
    const names = readFunnelLog(path.join(dir, 'funnel.jsonl')).map((e) => `${e.channel} ${e.name}`);
    expect(names).toEqual(expect.arrayContaining(['emulator order-created', 'emulator booked']));
  });

  it('stops at "quit": nothing after it is sent', async () => {
    const run = await chat(['hello', 'quit', 'my bath is leaking']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('you> hello\nbot: What would you like to do?');
    expect(run.stdout).not.toContain('my bath is leaking');
    expect(run.stdout).not.toContain('postcode');
    expect(run.stdout.trimEnd().endsWith('Bye.')).toBe(true);
  });

  it('ends when the input ends, and says what is wrong with a bad setting', async () => {
    const ended = await chat(['hello']);
    expect(ended.status).toBe(0);
    expect(ended.stdout.trimEnd().endsWith('Bye.')).toBe(true);
    const bad = await runCli(['chat'], { input: 'hello\n', env: { CONNECT_TIMEOUT_MS: 'soon' } });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/repairs-bot: Invalid settings:\n {2}- CONNECT_TIMEOUT_MS/);
    expect(bad.stdout).toBe('');
  });
});
