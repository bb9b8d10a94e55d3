import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { startApp } from '../../src/app';
import { ConfigError, loadConfig } from '../../src/config';
import { CatalogueError, DEFAULT_CATALOGUE_PATH } from '../../src/repairs/catalogue';
import { clock, tempDir } from '../e2e/testApp';

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Whether a port can be listened on, i.e. whatever had it has let it go. */
async function canListenOn(port: number): Promise<boolean> {
  const server = net.createServer();
  const listening = await new Promise<boolean>((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => resolve(true));
  });
  if (listening) await new Promise<void>((resolve) => server.close(() => resolve()));
  return listening;
}

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('start-up refuses what it cannot run with', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeAll(() => {
    temp = tempDir('repairs-bot-startup-');
  });
  afterAll(() => temp.remove());

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ STORAGE: 'redis' }, 'STORAGE'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ BOT_TIMEZONE: 'Mars/Olympus' }, 'BOT_TIMEZONE'],
    [{ CONNECT_TIMEOUT_MS: '5' }, 'CONNECT_TIMEOUT_MS'],
    [{ CONNECT_BASE_URL: 'https://connect.example.com/WS-API' }, 'CONNECT_USERNAME'],
  ])('loadConfig(%j) throws a ConfigError naming %s', (env, setting) => {
    const error = configError(env);
    expect(error.message).toContain(setting);
    expect(error.problems.some((p) => p.startsWith(`${setting}:`))).toBe(true);
  });

  it('names the setting but never echoes its value', () => {
    const error = configError({ CONNECT_BASE_URL: 'ftp://user:s3cret-pa55@connect.example.com' });
    expect(error.message).toContain('CONNECT_BASE_URL');
    expect(error.message).not.toContain('s3cret-pa55');
  });

  it('rejects a catalogue file that is not JSON with a CatalogueError naming the file, and starts nothing', async () => {
    const file = path.join(temp.dir, 'broken-catalogue.json');
    fs.writeFileSync(file, fs.readFileSync(DEFAULT_CATALOGUE_PATH, 'utf8').slice(0, 500));
    const simulatorPort = await freePort();

    const failure = startApp(
      loadConfig({
        PORT: '0',
        CONNECT_SIMULATOR_PORT: String(simulatorPort),
        STORAGE: 'memory',
        LOG_LEVEL: 'silent',
        DIAGNOSIS_CATALOGUE: file,
      }),
      { clock },
    );

    await expect(failure).rejects.toBeInstanceOf(CatalogueError);
    const error = (await failure.catch((e: unknown) => e)) as CatalogueError;
    expect(error.source).toBe(file);
    expect(error.message).toContain(file);
    expect(error.problems).toEqual([{ path: '$', message: expect.stringMatching(/^is not valid JSON/) }]);
    expect(await canListenOn(simulatorPort)).toBe(true);
  });

  it('rejects a catalogue that breaks a rule with a CatalogueError naming the JSON path of the fault', async () => {
    const catalogue = JSON.parse(fs.readFileSync(DEFAULT_CATALOGUE_PATH, 'utf8')) as {
      categories: { subAreas: { priority: string }[] }[];
    };
    catalogue.categories[0]!.subAreas[0]!.priority = 'SOON';
    const file = path.join(temp.dir, 'bad-priority.json');
    fs.writeFileSync(file, JSON.stringify(catalogue));

    const error = (await startApp(
      loadConfig({
        PORT: '0',
        CONNECT_SIMULATOR_PORT: '0',
        STORAGE: 'memory',
        LOG_LEVEL: 'silent',
        DIAGNOSIS_CATALOGUE: file,
      }),
      { clock },
    ).catch((e: unknown) => e)) as CatalogueError;

    expect(error).toBeInstanceOf(CatalogueError);
    expect(error.message).toContain(file);
    expect(error.message).toContain('$.categories[0].subAreas[0].priority');
    expect(error.problems).toContainEqual({
      path: '$.categories[0].subAreas[0].priority',
      message: expect.stringContaining('SOON'),
    });
  });

  it('a port already in use fails start-up and releases the embedded simulator’s port', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '0.0.0.0', resolve));
    const { port } = taken.address() as net.AddressInfo;
    const simulatorPort = await freePort();
    try {
      await expect(
        startApp(
          loadConfig({
            PORT: String(port),
            CONNECT_SIMULATOR_PORT: String(simulatorPort),
            STORAGE: 'memory',
            LOG_LEVEL: 'silent',
          }),
          { clock },
        ),
      ).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      await new Promise<void>((resolve) => taken.close(() => resolve()));
    }
    expect(await canListenOn(simulatorPort)).toBe(true);
  });

  it('a state file that cannot be opened fails start-up and releases the embedded simulator’s port', async () => {
    const simulatorPort = await freePort();
    // A path under a regular file: no folder can be made there, on any file system, as any user.
    const notAFolder = path.join(temp.dir, 'plain-file');
    fs.writeFileSync(notAFolder, 'not a folder');
    await expect(
      startApp(
        loadConfig({
          PORT: '0',
          CONNECT_SIMULATOR_PORT: String(simulatorPort),
          STORAGE: 'sqlite',
          STORAGE_SQLITE_FILE: path.join(notAFolder, 'state.db'),
          LOG_LEVEL: 'silent',
        }),
        { clock },
      ),
    ).rejects.toThrow();
    expect(await canListenOn(simulatorPort)).toBe(true);
  });
});
