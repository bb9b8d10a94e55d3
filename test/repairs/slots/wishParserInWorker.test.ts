import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createWishParser } from '../../../src/repairs/slots/wish/wishParser';
import { startWishParserInWorker } from '../../../src/repairs/slots/wish/wishParserInWorker';
import { BUILD_TIMEOUT_MS, buildOnce, ROOT } from '../../cli/builtCli';

// The tenants' wishes of the language bench (bench/language/wishes.json): 186 phrasings, misspelt and SMS style.
const wishes = (
  JSON.parse(fs.readFileSync(path.join(ROOT, 'bench/language/wishes.json'), 'utf8')) as { now: string; text: string }[]
).map(({ now, text }) => ({ reference: new Date(now), text }));

const COMPILED_WORKER = path.join(ROOT, 'dist/repairs/slots/wish/wishParserWorker.js');
const SYNCKIT = require.resolve('synckit');

/** A worker script of the test's own, beside a temp folder, that uses synckit as the real one does. */
function workerScript(body: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wish-worker-')), 'worker.js');
  fs.writeFileSync(file, `const { runAsWorker } = require(${JSON.stringify(SYNCKIT)});\n${body}\n`);
  return file;
}

describe('the wish parser in a worker thread (npm start)', () => {
  const here = createWishParser();
  beforeAll(() => buildOnce(), BUILD_TIMEOUT_MS);

  it('reads every wish of the language set exactly as the parser in this thread does', () => {
    const fallbacks: unknown[] = [];
    const inWorker = startWishParserInWorker({
      workerFile: COMPILED_WORKER,
      onFallback: (error) => fallbacks.push(error),
    });
    expect(wishes.length).toBeGreaterThan(150);
    for (const { text, reference } of wishes) {
      expect({ text, phrases: inWorker.recognise(text, reference) }).toEqual({
        text,
        phrases: here.recognise(text, reference),
      });
    }
    expect(fallbacks).toEqual([]);
  });

  it.each([
    ['fails every call (its model could not be built)', "runAsWorker(() => { throw new Error('no model'); });"],
    ['never answers', 'runAsWorker(() => new Promise(() => undefined));'],
  ])('parses in this thread, said once, when the worker %s', (_, body) => {
    const fallbacks: unknown[] = [];
    const parser = startWishParserInWorker({
      workerFile: workerScript(body),
      callTimeLimitMs: 300,
      onFallback: (error) => fallbacks.push(error),
    });
    for (const { text, reference } of wishes.slice(0, 3)) {
      expect(parser.recognise(text, reference)).toEqual(here.recognise(text, reference));
    }
    expect(fallbacks).toHaveLength(1);
  });

  it('is the parser of this thread when there is no compiled worker (run from the sources)', () => {
    const parser = startWishParserInWorker({ workerFile: path.join(os.tmpdir(), 'no-such-worker.js') });
    const [{ text, reference }] = wishes;
    expect(parser.recognise(text, reference)).toEqual(here.recognise(text, reference));
  });
});
