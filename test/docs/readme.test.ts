import fs from 'node:fs';
import path from 'node:path';
import { SETTING_NAMES } from '../../src/config';

const ROOT = path.join(__dirname, '..', '..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const README = read('README.md');
const SCRIPTS = Object.keys((JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts);

/** Every file under test/ (the tests, their helpers and fixtures' scripts), as text. */
function testSources(): string {
  const texts: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|js|sh)$/.test(entry.name)) texts.push(fs.readFileSync(full, 'utf8'));
    }
  };
  walk(path.join(ROOT, 'test'));
  return texts.join('\n');
}

/** What CI runs besides `npm test`: .ci/run and the scripts it calls. */
const CI = [read('.ci/run'), read('scripts/smokeReadmeCommands.sh')].join('\n');

describe('the README stays true', () => {
  it('lists every setting the bot reads in its settings table', () => {
    const missing = SETTING_NAMES.filter((name) => !README.includes(`| \`${name}\``));
    expect(missing).toEqual([]);
  });

  it('names only settings the bot reads', () => {
    const rows = [...README.matchAll(/^\| `([A-Za-z_]+)`\s+\|/gm)].map((m) => m[1]!);
    const settingRows = rows.filter((name) => /^[A-Z][A-Za-z]+(_[A-Z0-9]+)*$/.test(name) && !name.includes(' '));
    const unknown = settingRows.filter((name) => /[A-Z]{2}/.test(name) && !SETTING_NAMES.includes(name));
    // APPLICATIONINSIGHTS_CONNECTION_STRING is also read by the Application Insights SDK itself.
    expect(unknown.filter((name) => name !== 'APPLICATIONINSIGHTS_CONNECTION_STRING')).toEqual([]);
  });

  it('every `npm run` command in it exists and is run by CI or by a test', () => {
    const named = [...new Set([...README.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]!))];
    expect(named.length).toBeGreaterThan(3);
    expect(named.filter((script) => !SCRIPTS.includes(script))).toEqual([]);
    const tests = testSources();
    const unexercised = named.filter(
      (script) => !new RegExp(`npm run ${script}\\b|'${script}'|"${script}"`).test(`${CI}\n${tests}`),
    );
    expect(unexercised).toEqual([]);
  });

  it('the quick start is the two commands, and CI runs both', () => {
    expect(README).toMatch(/npm install && npm start/);
    expect(README).toMatch(/^npm test\b/m);
    expect(CI).toMatch(/npm start/);
    expect(CI).toMatch(/npm test/);
  });

  it('every `repairs-bot` command in it is one the CLI has, and a test runs it', () => {
    const named = [...new Set([...README.matchAll(/repairs-bot ([a-z]+)/g)].map((m) => m[1]!))].filter(
      (word) => !['is', 'and', 'the', 'command', 'commands'].includes(word),
    );
    expect(named.length).toBeGreaterThan(2);
    const cliFiles = fs
      .readdirSync(path.join(ROOT, 'test', 'cli'))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => read(path.join('test', 'cli', f)));
    const untested = named.filter(
      (command) => !cliFiles.some((text) => new RegExp(`['"\`]${command}['"\` ]`).test(text)),
    );
    expect(untested).toEqual([]);
  });

  it('has an architecture diagram in Mermaid and a screenshot that exists', () => {
    expect(README).toMatch(/```mermaid\n[\s\S]+?```/);
    const images = [...README.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]!);
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) expect(fs.existsSync(path.join(ROOT, image))).toBe(true);
  });

  it('links only to files that exist', () => {
    const links = [...README.matchAll(/\]\(((?!https?:|#)[^)\s]+)\)/g)].map((m) => m[1]!.split('#')[0]!);
    expect(links.filter((link) => !fs.existsSync(path.join(ROOT, link)))).toEqual([]);
  });
});
