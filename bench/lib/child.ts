import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';

/** A bench bot (bench/servers/botServer.ts) in a process of its own, driven over IPC. */
export interface BotProcess {
  url: string;
  simulatorOrigin?: string;
  pid: number;
  memory(): Promise<NodeJS.MemoryUsage>;
  /** CPU time the bot process has used so far (user + system), in milliseconds. */
  cpuMs(): Promise<number>;
  /** Starts a CPU profile of the bot process; the returned function stops it and writes it to `file`. */
  profile(): Promise<(file: string) => Promise<void>>;
  /** Sends the process a message and waits for its answer of type `answer`. */
  tell(type: string, answer: string, extra?: object): Promise<void>;
  stop(): Promise<void>;
}

const SERVER = path.join(__dirname, '..', 'servers', 'botServer.ts');

export async function startBot(
  mode: 'repairs' | 'echo' | 'connect',
  env: Record<string, string>,
  options: { nodeArgs?: string[] } = {},
): Promise<BotProcess> {
  // --no-regexp-tier-up as `npm start` has it (it changes only how regular expressions are first compiled).
  const execArgv = [
    '--import',
    'tsx',
    '--expose-gc',
    '--no-deprecation',
    '--no-regexp-tier-up',
    // More node options for the bots, to try one out (e.g. BENCH_NODE_ARGS="--max-semi-space-size=64").
    ...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean),
  ];
  execArgv.push(...(options.nodeArgs ?? []));
  const child: ChildProcess = fork(SERVER, [mode], {
    execArgv,
    env: { ...process.env, ...env, NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = await new Promise<{ url: string; simulatorOrigin?: string }>((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`the ${mode} bot exited (${code}) before it was ready`));
    child.once('exit', onExit);
    child.on('message', (message: { type: string; url: string; simulatorOrigin?: string }) => {
      if (message.type !== 'ready') return;
      child.off('exit', onExit);
      resolve(message);
    });
  });
  const request = (type: string, answer: string, extra: object = {}) =>
    new Promise<void>((resolve) => {
      const onMessage = (message: { type: string }) => {
        if (message.type !== answer) return;
        child.off('message', onMessage);
        resolve();
      };
      child.on('message', onMessage);
      child.send({ type, ...extra });
    });
  return {
    url: ready.url,
    simulatorOrigin: ready.simulatorOrigin,
    pid: child.pid!,
    memory: () =>
      new Promise((resolve) => {
        const onMessage = (message: { type: string; memory: NodeJS.MemoryUsage }) => {
          if (message.type !== 'memory') return;
          child.off('message', onMessage);
          resolve(message.memory);
        };
        child.on('message', onMessage);
        child.send({ type: 'memory' });
      }),
    cpuMs: () =>
      new Promise((resolve) => {
        const onMessage = (message: { type: string; cpu: NodeJS.CpuUsage }) => {
          if (message.type !== 'cpu') return;
          child.off('message', onMessage);
          resolve((message.cpu.user + message.cpu.system) / 1000);
        };
        child.on('message', onMessage);
        child.send({ type: 'cpu' });
      }),
    tell: request,
    profile: async () => {
      await request('profile-start', 'profile-started');
      return async (file: string) => void (await request('profile-stop', 'profile-stopped', { file }));
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.send({ type: 'stop' });
      }),
  };
}
