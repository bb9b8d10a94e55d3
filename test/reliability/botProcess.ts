/**
 * One bot instance in a process of its own, for the reliability tests: `tsx test/reliability/botProcess.ts` with
 * the settings in the environment. It prints one JSON line {"ready": url} when it listens (its pino log lines go
 * to the same stdout) and closes cleanly on SIGTERM. It runs on the tests' fixed clock, as the in-process apps do.
 */
import { startApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { clock } from '../e2e/testApp';

async function main(): Promise<void> {
  const app = await startApp(loadConfig(process.env), { clock });
  process.stdout.write(`${JSON.stringify({ ready: app.url })}\n`);
  process.once('SIGTERM', () => {
    void app.close().finally(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).name}: ${(error as Error).message}\n`);
  process.exit(1);
});
