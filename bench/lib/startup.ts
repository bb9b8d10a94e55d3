import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { BenchChannel } from './channel';

/** A free loopback port (the OS picks it; it is released before the caller binds it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

export interface StartupRun {
  readyMs: number;
  /** CPU time the process had used when /health first answered 200 (Linux only): start-up's cost, whatever the load. */
  cpuToReadyMs?: number;
  firstTurnMs: number;
  secondConversationFirstTurnMs: number;
}

/** User + system CPU time of a process from /proc (clock ticks of 10 ms), or undefined off Linux. */
function cpuMsOf(pid: number | undefined): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/**
 * The node options and script of `npm start` ("node [options] dist/index.js" in package.json), so that start-up is
 * measured with exactly what `npm start` and the App Service template run; another shape of the script stops the bench.
 */
export function startCommand(root: string): { nodeArgs: string[]; script: string } {
  const scripts = (
    JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
  ).scripts;
  const words = scripts.start.trim().split(/\s+/);
  if (words[0] !== 'node' || words.length < 2)
    throw new Error(`npm start is not "node [options] script": ${scripts.start}`);
  return { nodeArgs: words.slice(1, -1), script: path.join(root, words[words.length - 1]) };
}

/**
 * `node dist/index.js` as `npm start` runs it (embedded simulator, SQLite in a temp folder, silent logs): the time
 * from spawning the process to /health answering 200, then the first turn's latency over HTTP and, for comparison,
 * the same first message in a second conversation.
 */
export async function measureStartup(root: string, extraNodeArgs: string[] = []): Promise<StartupRun> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'repairs-bench-start-'));
  const port = await freePort();
  const started = performance.now();
  const start = startCommand(root);
  const child = spawn(process.execPath, [...start.nodeArgs, ...extraNodeArgs, start.script], {
    cwd: dir,
    env: {
      ...process.env,
      PORT: String(port),
      CONNECT_SIMULATOR_PORT: '0',
      SMTP_PORT_LOCAL: '0',
      STORAGE: 'sqlite',
      STORAGE_SQLITE_FILE: path.join(dir, 'bot-state.db'),
      LOG_LEVEL: 'silent',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`dist/index.js exited (${code}): ${stderr.slice(0, 500)}`))),
  );
  exited.catch(() => undefined);
  const url = `http://127.0.0.1:${port}`;
  try {
    let readyMs = Number.NaN;
    let cpuToReadyMs: number | undefined;
    const deadline = started + 60_000;
    while (performance.now() < deadline) {
      const ok = await Promise.race([
        fetch(`${url}/health`).then(
          (r) => r.status === 200,
          () => false,
        ),
        exited,
      ]);
      if (ok) {
        readyMs = performance.now() - started;
        cpuToReadyMs = cpuMsOf(child.pid);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    if (Number.isNaN(readyMs)) throw new Error('dist/index.js did not answer /health within 60 s');
    const channel = new BenchChannel(url);
    await channel.start();
    try {
      const first = await channel.say('startup-1', 'my bath is leaking');
      const second = await channel.say('startup-2', 'my bath is leaking');
      return { readyMs, cpuToReadyMs, firstTurnMs: first.ms, secondConversationFirstTurnMs: second.ms };
    } finally {
      await channel.stop();
    }
  } finally {
    if (child.exitCode === null) {
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await gone;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
