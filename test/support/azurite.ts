import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** Azurite's well-known development account: published in Microsoft's documentation, not a secret. */
const ACCOUNT = 'devstoreaccount1';
const ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface RunningAzurite {
  /** Blob endpoint, e.g. http://127.0.0.1:41234/devstoreaccount1. */
  blobEndpoint: string;
  connectionString: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once the port takes connections; Azurite prints nothing with --silent, so we knock. */
async function waitUntilListening(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`azurite-blob exited early with code ${child.exitCode}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`azurite-blob did not listen on ${port} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Starts the Azure Storage emulator (blob service only) from node_modules on a free loopback port, with its data in
 * memory and its working directory a temp folder, so that Blob storage is tested against the real protocol with nothing
 * installed on the machine and nothing left behind.
 */
export async function startAzurite(): Promise<RunningAzurite> {
  const port = await freePort();
  const location = fs.mkdtempSync(path.join(os.tmpdir(), 'azurite-'));
  const bin = path.resolve(__dirname, '../../node_modules/.bin/azurite-blob');
  const child = spawn(
    bin,
    [
      '--blobHost',
      '127.0.0.1',
      '--blobPort',
      String(port),
      '--skipApiVersionCheck',
      '--disableTelemetry',
      '--inMemoryPersistence',
      '--silent',
    ],
    // --location cannot be combined with --inMemoryPersistence: the temp folder is its working directory instead, so
    // anything it might still write lands there and is removed with it.
    { cwd: location, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  try {
    await waitUntilListening(port, child, 15_000);
  } catch (error) {
    child.kill();
    fs.rmSync(location, { recursive: true, force: true });
    throw new Error(`${(error as Error).message}\n${stderr}`);
  }
  const blobEndpoint = `http://127.0.0.1:${port}/${ACCOUNT}`;
  return {
    blobEndpoint,
    connectionString: `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${ACCOUNT_KEY};BlobEndpoint=${blobEndpoint};`,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(location, { recursive: true, force: true });
    },
  };
}
