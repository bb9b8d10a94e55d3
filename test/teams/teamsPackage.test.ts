import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const ROOT = path.join(__dirname, '..', '..');
const MANIFEST_DIR = path.join(ROOT, 'teamsAppManifest');
const ZIP = path.join(MANIFEST_DIR, 'build', 'repairs-bot.zip');
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const APP_ID = '11111111-2222-4333-8444-555555555555';

interface Png {
  width: number;
  height: number;
  colourType: number;
  /** RGBA rows, when every row uses filter 0 (as our generator writes them). */
  pixels: Buffer[];
}

/** Reads a PNG's IHDR, and its pixels when it is 8-bit RGBA with unfiltered rows. */
function readPng(buffer: Buffer): Png {
  expect(buffer.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(buffer.toString('ascii', 12, 16)).toBe('IHDR');
  const width = buffer.readUInt32BE(16);
  const height = buffer.readUInt32BE(20);
  const colourType = buffer.readUInt8(25);
  const idat: Buffer[] = [];
  for (let at = 8; at < buffer.length;) {
    const length = buffer.readUInt32BE(at);
    if (buffer.toString('ascii', at + 4, at + 8) === 'IDAT') idat.push(buffer.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = 1 + width * 4;
  const pixels = Array.from({ length: height }, (_, y) => raw.subarray(y * stride, (y + 1) * stride));
  return { width, height, colourType, pixels };
}

/** The entries of a ZIP archive, read from its central directory and inflated. */
function readZip(buffer: Buffer): Map<string, Buffer> {
  const end = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(end).toBeGreaterThan(0);
  const count = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  const entries = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    expect(buffer.readUInt32LE(at)).toBe(0x02014b50);
    const method = buffer.readUInt16LE(at + 10);
    const compressedSize = buffer.readUInt32LE(at + 20);
    const size = buffer.readUInt32LE(at + 24);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    const local = buffer.readUInt32LE(at + 42);
    const name = buffer.toString('utf8', at + 46, at + 46 + nameLength);
    expect(buffer.readUInt32LE(local)).toBe(0x04034b50);
    const dataAt = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const stored = buffer.subarray(dataAt, dataAt + compressedSize);
    const data = method === 8 ? zlib.inflateRawSync(stored) : stored;
    expect(data.length).toBe(size);
    entries.set(name, data);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

interface Manifest {
  $schema: string;
  manifestVersion: string;
  version: string;
  id: string;
  developer: { name: string; websiteUrl: string; privacyUrl: string; termsOfUseUrl: string };
  name: { short: string; full?: string };
  description: { short: string; full: string };
  icons: { color: string; outline: string };
  accentColor: string;
  bots: { botId: string; scopes: string[] }[];
  validDomains?: string[];
}

function checkManifest(manifest: Manifest, botId: RegExp | string) {
  expect(Number(manifest.manifestVersion)).toBeGreaterThanOrEqual(1.17);
  expect(manifest.$schema).toContain(`/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`);
  expect(manifest.version).toMatch(/^\d+\.\d+\.\d+$/);
  expect(manifest.id).toMatch(GUID);
  for (const url of ['websiteUrl', 'privacyUrl', 'termsOfUseUrl'] as const)
    expect(manifest.developer[url]).toMatch(/^https:\/\//);
  expect(manifest.developer.name.length).toBeGreaterThan(0);
  expect(manifest.name.short.length).toBeLessThanOrEqual(30);
  expect(manifest.name.full?.length ?? 0).toBeLessThanOrEqual(100);
  expect(manifest.description.short.length).toBeLessThanOrEqual(80);
  expect(manifest.description.full.length).toBeLessThanOrEqual(4000);
  expect(manifest.accentColor).toMatch(/^#[0-9A-Fa-f]{6}$/);
  expect(manifest.icons).toEqual({ color: 'color.png', outline: 'outline.png' });
  expect(manifest.bots).toHaveLength(1);
  expect(manifest.bots[0]!.botId).toMatch(botId);
  expect(manifest.bots[0]!.scopes).toEqual(['personal']);
  expect(Array.isArray(manifest.validDomains)).toBe(true);
}

describe('Teams app manifest and package', () => {
  it('the manifest has the required fields, a personal bot whose id is the MicrosoftAppId placeholder', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(MANIFEST_DIR, 'manifest.json'), 'utf8')) as Manifest;
    checkManifest(manifest, '${{MicrosoftAppId}}');
  });

  it('the icons are PNGs of the sizes Teams asks for: colour 192x192, outline 32x32 white on transparent', () => {
    const color = readPng(fs.readFileSync(path.join(MANIFEST_DIR, 'color.png')));
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = readPng(fs.readFileSync(path.join(MANIFEST_DIR, 'outline.png')));
    expect([outline.width, outline.height, outline.colourType]).toEqual([32, 32, 6]);
    const colours = new Set<string>();
    for (const row of outline.pixels) {
      expect(row[0]).toBe(0);
      for (let x = 1; x < row.length; x += 4) colours.add(row.subarray(x, x + 4).toString('hex'));
    }
    expect([...colours].sort()).toEqual(['00000000', 'ffffffff']);
  });

  it('node scripts/teamsPackage.js zips exactly manifest.json, color.png and outline.png, with the bot id filled in', () => {
    fs.rmSync(ZIP, { force: true });
    execFileSync(process.execPath, ['scripts/teamsPackage.js'], {
      cwd: ROOT,
      env: { ...process.env, MicrosoftAppId: APP_ID },
      stdio: 'pipe',
    });
    const entries = readZip(fs.readFileSync(ZIP));
    expect([...entries.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as Manifest;
    checkManifest(manifest, APP_ID);
    expect(entries.get('color.png')).toEqual(fs.readFileSync(path.join(MANIFEST_DIR, 'color.png')));
    expect(entries.get('outline.png')).toEqual(fs.readFileSync(path.join(MANIFEST_DIR, 'outline.png')));

    // A second reader agrees, where the system has one.
    const unzip = spawnSync('unzip', ['-t', ZIP], { encoding: 'utf8' });
    if (!unzip.error) expect(unzip.stdout).toMatch(/No errors detected/);
  });

  it('refuses to build without a MicrosoftAppId GUID, and says what to set', () => {
    const env: NodeJS.ProcessEnv = { ...process.env, MicrosoftAppId: 'not-a-guid' };
    const run = spawnSync(process.execPath, ['scripts/teamsPackage.js'], { cwd: ROOT, env, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Set MicrosoftAppId/);
  });
});
