import fs from 'node:fs';
import path from 'node:path';
import { BUILD_TIMEOUT_MS, buildOnce, jsonLines, ROOT, runCli, scratchDir } from './builtCli';

const FIXTURE = path.join(ROOT, 'test/fixtures/diagnosis-catalogue.json');

interface Diagnosis {
  text: string;
  emergency: string | null;
  decision: string;
  matches: { code: string; subArea: string; category: string; score: number }[];
}

beforeAll(buildOnce, BUILD_TIMEOUT_MS);

describe('repairs-bot diagnose', () => {
  it('prints one JSON line for TEXT: no emergency, the best repair types first, at most 3', async () => {
    const run = await runCli(['diagnose', '--catalogue', FIXTURE, 'the tap in the bath drips']);
    expect(run.status).toBe(0);
    const [result, ...more] = jsonLines<Diagnosis>(run.stdout);
    expect(more).toEqual([]);
    expect(result).toMatchObject({ text: 'the tap in the bath drips', emergency: null });
    expect(result?.matches[0]).toMatchObject({ code: 'TAPS001', subArea: 'Tap dripping', category: 'Taps' });
    expect(result?.matches.length).toBeLessThanOrEqual(3);
    const scores = result?.matches.map((m) => m.score) ?? [];
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(Object.keys(result?.matches[0] ?? {}).sort()).toEqual(['category', 'code', 'score', 'subArea']);
  });

  it('names the emergency the bot would screen for first', async () => {
    const run = await runCli(['diagnose', 'water coming through my kitchen ceiling']);
    expect(run.status).toBe(0);
    const [result] = jsonLines<Diagnosis>(run.stdout);
    expect(result?.emergency).toBe('flood');
    expect(result?.matches[0]?.code).toBe('LEAK003');
  });

  it('reads each line of standard input as a message, in order, skipping blank lines', async () => {
    const input = ['toilet wont flush', '', 'I smell gas in the kitchen', 'what time do you open'].join('\n');
    const run = await runCli(['diagnose', '--catalogue', FIXTURE], { input: `${input}\n` });
    expect(run.status).toBe(0);
    const results = jsonLines<Diagnosis>(run.stdout);
    expect(results.map((r) => r.text)).toEqual([
      'toilet wont flush',
      'I smell gas in the kitchen',
      'what time do you open',
    ]);
    expect(results.map((r) => r.emergency)).toEqual([null, 'gas', null]);
    expect(results[0]?.matches[0]?.code).toBe('TOIL003');
    expect(results[2]?.decision).toBe('none');
  });

  it('matches against DIAGNOSIS_CATALOGUE when no --catalogue is given', async () => {
    const dir = scratchDir('diagnose');
    try {
      const catalogue = JSON.parse(fs.readFileSync(FIXTURE, 'utf8'));
      catalogue.categories[0].subAreas[0].synonyms.push('zorblax');
      const file = path.join(dir, 'catalogue.json');
      fs.writeFileSync(file, JSON.stringify(catalogue));
      const code = catalogue.categories[0].subAreas[0].code as string;

      const withSetting = await runCli(['diagnose', 'zorblax'], { env: { DIAGNOSIS_CATALOGUE: file } });
      expect(withSetting.status).toBe(0);
      expect(jsonLines<Diagnosis>(withSetting.stdout)[0]?.matches[0]?.code).toBe(code);

      const bundled = await runCli(['diagnose', 'zorblax']);
      expect(jsonLines<Diagnosis>(bundled.stdout)[0]?.matches).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stops with status 2 and the problems when the catalogue cannot be used', async () => {
    const run = await runCli(['diagnose', '--catalogue', path.join(ROOT, 'no-such-catalogue.json'), 'leak']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/no-such-catalogue\.json cannot be used[\s\S]*\$: cannot be read/);
  });
});
