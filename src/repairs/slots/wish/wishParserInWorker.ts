import fs from 'node:fs';
import path from 'node:path';
import { createSyncFn } from 'synckit';
import { createWishParser, type RecognisedPhrase, type WishParser } from './wishParser';

/**
 * A call blocks this thread (every conversation) until the worker answers: in milliseconds once it is warm, under a
 * second while it builds the model. Past this limit the parser gives up on the worker and parses here.
 */
const CALL_TIME_LIMIT_MS = 5_000;

export interface WorkerWishParserOptions {
  /** Told when the worker failed and the parser fell back to one in this thread. */
  onFallback?: (error: unknown) => void;
  /** The worker's script: by default the compiled wishParserWorker.js beside this file. */
  workerFile?: string;
  callTimeLimitMs?: number;
}

/**
 * The wish parser in a worker thread, started at once, so that loading Recognizers-Text, building its model and
 * warming it (about a third of a second) happen on the other core while this thread loads the rest of the bot:
 * `npm start` calls it before it loads the app (src/index.ts). Calls stay synchronous (synckit: the caller waits on
 * an Atomics lock while the worker parses), so nothing above WishParser changes. Should the worker fail or not
 * answer in time, the parser builds one in this thread and goes on with it. Run from the TypeScript sources (no
 * compiled worker beside this file), it is the parser of this thread from the start.
 */
export function startWishParserInWorker(options: WorkerWishParserOptions = {}): WishParser {
  const worker = options.workerFile ?? path.join(__dirname, 'wishParserWorker.js');
  if (!fs.existsSync(worker)) return createWishParser();
  let inWorker: ((text: string, referenceMs: number) => RecognisedPhrase[]) | undefined = createSyncFn(worker, {
    timeout: options.callTimeLimitMs ?? CALL_TIME_LIMIT_MS,
  });
  let local: WishParser | undefined;
  return {
    recognise(text, reference) {
      if (inWorker) {
        try {
          return inWorker(text, reference.getTime());
        } catch (error) {
          inWorker = undefined;
          options.onFallback?.(error);
        }
      }
      local ??= createWishParser();
      return local.recognise(text, reference);
    },
  };
}
