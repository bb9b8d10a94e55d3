import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { freePort } from './startup';

/** Azurite's well-known development account (documented by Microsoft; not a secret). */
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface Azurite {
  connectionString: string;
  stop(): Promise<void>;
}

/** Azurite's blob service in memory on a free loopback port (node_modules/.bin/azurite-blob). */
export async function startAzurite(root: string): Promise<Azurite> {
  const port = await freePort();
  const bin = path.join(root, 'node_modules', '.bin', 'azurite-blob');
  const args = ['--skipApiVersionCheck', '--disableTelemetry', '--inMemoryPersistence'];
  const child: ChildProcess = spawn(bin, [...args, '--blobHost', '127.0.0.1', '--blobPort', String(port)], {
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${port}/${DEV_ACCOUNT}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`azurite-blob exited (${child.exitCode})`);
    const up = await fetch(`${base}?comp=list`).then(
      () => true,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) throw new Error('azurite-blob did not start within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    connectionString: `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};BlobEndpoint=${base};`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
