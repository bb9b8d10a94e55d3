import { ConfigError, loadConfig, SIMULATOR_DEFAULT_PASSWORD, SIMULATOR_DEFAULT_USERNAME } from '../../src/config';

describe('loadConfig', () => {
  it('defaults to the embedded simulator with its documented credentials', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3978);
    expect(config.connect.baseUrl).toBeUndefined();
    expect(config.connect.username).toBe(SIMULATOR_DEFAULT_USERNAME);
    expect(config.connect.password).toBe(SIMULATOR_DEFAULT_PASSWORD);
    expect(config.connect.simulatorPort).toBe(5055);
    expect(config.connect.timeoutMs).toBe(10_000);
  });

  it('treats an empty setting as unset, as App Service does for blank values', () => {
    expect(loadConfig({ CONNECT_BASE_URL: '  ' }).connect.baseUrl).toBeUndefined();
  });

  it('requires credentials once a real Connect is named, and names each missing setting', () => {
    expect(() => loadConfig({ CONNECT_BASE_URL: 'https://connect.example.org/WS-API' })).toThrow(ConfigError);
    try {
      loadConfig({ CONNECT_BASE_URL: 'https://connect.example.org/WS-API' });
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        "CONNECT_EVENTS_SECRET: is required when CONNECT_BASE_URL is set (it authenticates Connect's updates)",
        'CONNECT_USERNAME: is required when CONNECT_BASE_URL is set',
        'CONNECT_PASSWORD: is required when CONNECT_BASE_URL is set',
      ]);
    }
  });

  it.each([
    ['PORT', 'eighty', 'PORT'],
    ['PORT', '70000', 'PORT'],
    ['CONNECT_BASE_URL', 'ftp://connect.example.org', 'CONNECT_BASE_URL'],
    ['CONNECT_TIMEOUT_MS', '5', 'CONNECT_TIMEOUT_MS'],
    ['LOG_LEVEL', 'loud', 'LOG_LEVEL'],
  ])('refuses %s=%s and names the setting', (key, value, named) => {
    expect(() => loadConfig({ [key]: value })).toThrow(new RegExp(`^Invalid settings:\\n  - ${named}:`));
  });

  it('never echoes a value into the error, because a value may be a secret', () => {
    try {
      loadConfig({ CONNECT_BASE_URL: 'not a url with s3cr3t' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(String(error)).not.toContain('s3cr3t');
    }
  });
});

describe('loadConfig: storage', () => {
  it('defaults to an SQLite file under ./data', () => {
    expect(loadConfig({}).storage).toEqual({ kind: 'sqlite', sqliteFile: 'data/bot-state.db', blob: undefined });
  });

  it('takes Azure Blob Storage with its connection string and a default container', () => {
    const connectionString = 'UseDevelopmentStorage=true;';
    expect(loadConfig({ STORAGE: 'blob', STORAGE_BLOB_CONNECTION_STRING: connectionString }).storage).toMatchObject({
      kind: 'blob',
      blob: { connectionString, container: 'bot-state' },
    });
    expect(
      loadConfig({
        STORAGE: 'blob',
        STORAGE_BLOB_CONNECTION_STRING: connectionString,
        STORAGE_BLOB_CONTAINER: 'repairs-state',
      }).storage.blob?.container,
    ).toBe('repairs-state');
  });

  it('requires the connection string for STORAGE=blob, without echoing anything', () => {
    try {
      loadConfig({ STORAGE: 'blob', STORAGE_BLOB_CONNECTION_STRING: '  ' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        'STORAGE_BLOB_CONNECTION_STRING: is required when STORAGE=blob',
      ]);
    }
  });

  it.each(['Bot_State', 'ab', 'bot--state', '-bot', 'x'.repeat(64)])(
    'refuses the container name %s, which Azure would refuse on the first turn',
    (container) => {
      expect(() =>
        loadConfig({
          STORAGE: 'blob',
          STORAGE_BLOB_CONNECTION_STRING: 'UseDevelopmentStorage=true;',
          STORAGE_BLOB_CONTAINER: container,
        }),
      ).toThrow(/STORAGE_BLOB_CONTAINER: must be 3-63 lower-case/);
    },
  );

  it('refuses an unknown STORAGE', () => {
    expect(() => loadConfig({ STORAGE: 'redis' })).toThrow(/STORAGE:/);
  });
});
