import { runAsWorker } from 'synckit';
import { createWishParser, type WishParser } from './wishParser';

/**
 * The worker thread of wishParserInWorker.ts: builds and warms the wish parser as soon as it starts, then answers
 * each call. The reference travels as milliseconds; the worker shares the process's time zone, so the Date it
 * rebuilds has the same wall-clock fields (see WishParser.recognise). Nothing here may throw outside a call: an
 * error escaping a worker's top level is an 'error' event that would end the whole process. A model that cannot be
 * built fails each call instead, and the caller parses in its own thread.
 */
let parser: WishParser | undefined;
let failure: unknown;
try {
  parser = createWishParser();
} catch (error) {
  failure = error;
}

runAsWorker((text: string, referenceMs: number) => {
  if (!parser) throw failure;
  return parser.recognise(text, new Date(referenceMs));
});
