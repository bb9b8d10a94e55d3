import type * as RecognizersDateTime from '@microsoft/recognizers-text-date-time';
import { z } from 'zod';

/**
 * The date-time recognizer (Microsoft Recognizers-Text 1.3.2), used directly rather than through a Bot Framework
 * prompt so the domain stays free of the Bot Framework. Building its model compiles hundreds of regular
 * expressions (about a second), so it is built once per process, warmed with one parse, and shared.
 *
 * Culture 'en-gb': the library has no British model of its own; it maps 'en-gb' to its "English, others"
 * model ('en-*'), which reads 03/12 as 3 December. Fallback to the default culture is switched off so that a
 * library change could never quietly hand us the American model (12 March).
 */
export const WISH_CULTURE = 'en-gb';

/** One resolution of a recognised phrase, as the library reports it (all fields optional, all strings). */
export interface ResolutionValue {
  timex?: string;
  type?: string;
  /** 'yyyy-MM-dd', 'HH:mm:ss' or 'yyyy-MM-dd HH:mm:ss', on the reference's wall clock. */
  value?: string;
  start?: string;
  end?: string;
  /** 'before', 'after', 'since', 'until' for open ranges ("after 2pm"). */
  Mod?: string;
}

export interface RecognisedPhrase {
  text: string;
  /** Character offsets in the text given to recognise; `end` is the last character, inclusive. */
  start: number;
  end: number;
  /** e.g. 'datetimeV2.date', 'datetimeV2.timerange', 'datetimeV2.set'. */
  typeName: string;
  values: ResolutionValue[];
}

export interface WishParser {
  /**
   * `reference` must carry the bot's wall clock in its local fields (see wallClockAsLocalDate): the library
   * reads getFullYear(), getHours()… of the Date it is given and answers in the same local terms, so a reference
   * built from the real instant on a UTC server would be an hour out in British Summer Time and, around
   * midnight, a day out.
   */
  recognise(text: string, reference: Date): RecognisedPhrase[];
}

// The library types `resolution` as a bag of anything; only what we use is kept, and checked.
const resolutionSchema = z
  .object({
    values: z.array(
      z.object({
        timex: z.string().optional(),
        type: z.string().optional(),
        value: z.string().optional(),
        start: z.string().optional(),
        end: z.string().optional(),
        Mod: z.string().optional(),
      }),
    ),
  })
  .nullable()
  .catch(null);

const WARM_UP = 'tomorrow morning, next thursday afternoon or 14/12 after 2pm, not the weekend, mornings next week';

// Where a phrase the library could not resolve is cut into clauses to be read again.
const CLAUSE_BREAK = /,|;|\s(?:but|and|or|then)\s/g;
// A phrase that runs over a comma ('monday, mornings' as one set) may join what the tenant kept apart: it is read
// again clause by clause too.
const CLAUSE_PUNCTUATION = /[,;]/;

function buildWishParser(): WishParser {
  // Loaded here, not at the top: a process whose parser lives in a worker (wishParserWorker.ts) never loads it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { DateTimeRecognizer } = require('@microsoft/recognizers-text-date-time') as typeof RecognizersDateTime;
  const model = new DateTimeRecognizer(WISH_CULTURE).getDateTimeModel(WISH_CULTURE, false);

  const parse = (text: string, reference: Date, offset: number): RecognisedPhrase[] =>
    model.parse(text, reference).map((result) => ({
      text: result.text,
      start: result.start + offset,
      end: result.end + offset,
      typeName: result.typeName,
      values: resolutionSchema.parse(result.resolution)?.values ?? [],
    }));

  /**
   * The library sometimes swallows a whole sentence into one phrase it then cannot resolve ("monday doesn't
   * work, thursday afternoon" comes back as one date-time range with no values), or joins across a comma what
   * the tenant kept apart ("any day but monday, mornings" as one set of Monday mornings). Such a phrase is read
   * again clause by clause, once; what still cannot be resolved is dropped.
   */
  const recogniseClauses = (text: string, reference: Date, offset: number, depth: number): RecognisedPhrase[] =>
    parse(text, reference, offset).flatMap((phrase) => {
      if (phrase.values.length > 0 && (depth > 0 || !CLAUSE_PUNCTUATION.test(phrase.text))) return [phrase];
      if (depth > 0) return [];
      const local = phrase.start - offset;
      const pieces = text.slice(local, phrase.end - offset + 1);
      const clauses: RecognisedPhrase[] = [];
      let from = 0;
      for (const cut of [...pieces.matchAll(CLAUSE_BREAK), null]) {
        const to = cut ? cut.index : pieces.length;
        clauses.push(...recogniseClauses(pieces.slice(from, to), reference, phrase.start + from, depth + 1));
        from = cut ? cut.index + cut[0].length : to;
      }
      return clauses;
    });

  const parser: WishParser = { recognise: (text, reference) => recogniseClauses(text, reference, 0, 0) };
  // The library compiles its expressions on first use of each path; one varied sentence walks most of them, so
  // a tenant's first wish takes milliseconds rather than a fifth of a second. `npm start` runs node with
  // --no-regexp-tier-up: V8 then compiles each expression once, to machine code, rather than to bytecode first and
  // again when it runs a second time; that takes this warm-up from about 280 ms to 170 (bench/README.md).
  parser.recognise(WARM_UP, new Date());
  return parser;
}

let shared: WishParser | undefined;

/** The process's one wish parser: built and warmed on first use, then reused. */
export function createWishParser(): WishParser {
  shared ??= buildWishParser();
  return shared;
}
