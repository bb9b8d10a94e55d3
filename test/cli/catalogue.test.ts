import fs from 'node:fs';
import path from 'node:path';
import { BUILD_TIMEOUT_MS, buildOnce, ROOT, runCli, scratchDir } from './builtCli';

const FIXTURE = path.join(ROOT, 'test/fixtures/diagnosis-catalogue.json');

type Json = Record<string, unknown>;
type Edit = (catalogue: Json & { categories: Json[]; priorities: Json[]; emergencies: Json[] }) => void;
const subArea = (catalogue: { categories: Json[] }, category: number, index: number): Json =>
  (catalogue.categories[category]?.subAreas as Json[])[index] as Json;

/** Broken copies of the fixture and the JSON paths `catalogue check` must name for each. */
const BROKEN: { name: string; edit: Edit; paths: string[] }[] = [
  {
    name: 'an unknown priority',
    edit: (c) => (subArea(c, 3, 1).priority = 'SOON'),
    paths: ['$.categories[3].subAreas[1].priority'],
  },
  {
    name: 'a missing code',
    edit: (c) => delete subArea(c, 0, 0).code,
    paths: ['$.categories[0].subAreas[0].code'],
  },
  {
    name: 'a duplicate code',
    edit: (c) => (subArea(c, 1, 2).code = subArea(c, 0, 0).code),
    paths: ['$.categories[1].subAreas[2].code'],
  },
  {
    name: 'three problems at once, every one reported',
    edit: (c) => {
      subArea(c, 3, 1).priority = 'SOON';
      delete subArea(c, 0, 0).code;
      (c.priorities[0] as Json).target = { hours: 'x' };
    },
    paths: ['$.categories[3].subAreas[1].priority', '$.categories[0].subAreas[0].code', '$.priorities[0].target'],
  },
];

let dir: string;
beforeAll(async () => {
  dir = scratchDir('catalogue');
  await buildOnce();
}, BUILD_TIMEOUT_MS);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function brokenCopy(name: string, edit: Edit): string {
  const catalogue = JSON.parse(fs.readFileSync(FIXTURE, 'utf8'));
  edit(catalogue);
  const file = path.join(dir, `${name.replace(/\W+/g, '-')}.json`);
  fs.writeFileSync(file, JSON.stringify(catalogue, null, 2));
  return file;
}

describe('repairs-bot catalogue check', () => {
  it('exits 0 on the fixture and says what it holds', async () => {
    const run = await runCli(['catalogue', 'check', FIXTURE]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/no problems \(\d+ categories, \d+ repair types, \d+ emergencies\)/);
  });

  it('exits 0 on the bundled catalogue', async () => {
    const run = await runCli(['catalogue', 'check', 'src/repairs/catalogue/defaultCatalogue.json']);
    expect(run.status).toBe(0);
  });

  it.each(BROKEN)('exits 1 on $name, printing each problem with its JSON path', async ({ name, edit, paths }) => {
    const run = await runCli(['catalogue', 'check', brokenCopy(name, edit)]);
    expect(run.status).toBe(1);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toMatch(new RegExp(`: ${paths.length} problems?$`));
    const printed = lines.slice(1).map((line) => line.slice(0, line.indexOf(': ')));
    expect(printed.sort()).toEqual([...paths].sort());
  });

  it('gives the problems as JSON with --json', async () => {
    const file = brokenCopy('json', BROKEN[0]!.edit);
    const run = await runCli(['catalogue', 'check', '--json', file]);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({
      file,
      problems: [{ path: '$.categories[3].subAreas[1].priority', message: expect.stringMatching(/SOON/) }],
    });
  });

  it('exits 1 on a file that is not JSON, at the path $', async () => {
    const file = path.join(dir, 'not-json.json');
    fs.writeFileSync(file, '{ "version": 1, ');
    const run = await runCli(['catalogue', 'check', file]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^\$: is not valid JSON/m);
  });

  it('exits 1 on a file that is not there', async () => {
    const run = await runCli(['catalogue', 'check', path.join(dir, 'missing.json')]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^\$: cannot be read/m);
  });

  it('exits 2 with usage when the file is not given', async () => {
    const run = await runCli(['catalogue', 'check']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/missing required argument 'file'/);
  });
});
