import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The `repairs-bot` command as a person runs it: `npm run build`, then `node bin/repairs-bot.js …` in a child
 * process. The build is shared by every test file of a run: the first to get here builds (under a lock, since jest
 * runs files in parallel) and leaves a stamp; the others go on without building when the stamp is newer than every
 * source file, or was left by this same run (same jest parent, built after this process started), so that sources
 * saved by someone else during the run do not make every test file build again.
 */
export const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin', 'repairs-bot.js');
const STAMP = path.join(ROOT, 'dist', '.cli-test-build');
const LOCK = path.join(os.tmpdir(), `repairs-bot-cli-build-${crypto.createHash('sha1').update(ROOT).digest('hex')}`);
/** A build takes well under this; a lock older than it was left by a run that was killed. */
const STALE_LOCK_MS = 5 * 60_000;
/** Long enough for a build while the machine is busy with other test files. */
export const BUILD_TIMEOUT_MS = 240_000;

function newestSourceTime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceTime(file) : fs.statSync(file).mtimeMs);
  }
  return newest;
}

interface Stamp {
  /** The jest process (or the shell, when jest runs in band) whose run built it. */
  parent: number;
  /** When the build started, in ms: sources saved after it are not in it. */
  builtAt: number;
}

const PROCESS_STARTED_AT = Date.now() - process.uptime() * 1000;

function isFresh(): boolean {
  if (!fs.existsSync(STAMP)) return false;
  let stamp: Stamp;
  try {
    stamp = JSON.parse(fs.readFileSync(STAMP, 'utf8')) as Stamp;
  } catch {
    return false;
  }
  if (stamp.parent === process.ppid && stamp.builtAt >= PROCESS_STARTED_AT) return true;
  return stamp.builtAt > Math.max(newestSourceTime(path.join(ROOT, 'src')), fs.statSync(BIN).mtimeMs);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function acquireLock(): Promise<void> {
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      return;
    } catch {
      const age = Date.now() - (fs.statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > STALE_LOCK_MS) fs.rmSync(LOCK, { recursive: true, force: true });
      else await sleep(200);
    }
  }
}

/** `npm run build`, once for all the test files of a run (and not at all when dist is newer than src). */
export async function buildOnce(): Promise<void> {
  await acquireLock();
  try {
    if (isFresh()) return;
    const stamp: Stamp = { parent: process.ppid, builtAt: Date.now() };
    const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}\n${build.stderr}`);
    fs.writeFileSync(STAMP, JSON.stringify(stamp));
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface CliRunOptions {
  /** Written to standard input, which is then closed. */
  input?: string;
  /** Settings on top of a clean environment (none of the bot's settings are inherited from the test's). */
  env?: Record<string, string>;
}

const BOT_SETTINGS = ['DIAGNOSIS_CATALOGUE', 'BOT_TIMEZONE', 'STORAGE_SQLITE_FILE', 'STORAGE', 'TZ'];

/** Runs `node bin/repairs-bot.js …args` from the repository's root. */
export function runCli(args: readonly string[], options: CliRunOptions = {}): Promise<CliRun> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !BOT_SETTINGS.includes(key)));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...env, ...options.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** Standard output as one JSON value per line. */
export function jsonLines<T = unknown>(stdout: string): T[] {
  return stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

/** A scratch directory removed after the test file. */
export function scratchDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `repairs-bot-${prefix}-`));
}
