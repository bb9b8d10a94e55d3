import fs from 'node:fs';
import { type Command } from 'commander';
import { DateTime } from 'luxon';
import { SqliteStorage } from '../bot/storage/sqliteStorage';
import { StorageRecordStore } from '../bot/storage/storageRecordStore';
import { type Catalogue, createCatalogueLookups, loadCatalogue } from '../repairs/catalogue';
import { type LearningEntry, LearningLog, reviewGroups } from '../repairs/learning';
import { isIsoDate, systemClock } from '../repairs/time';
import { CliError } from './cliError';
import { type CliSettings } from './cliSettings';

/** One group of the review, as `--json` prints it. */
export interface ReviewGroupJson {
  chosen: string | null;
  subArea: string | null;
  category: string | null;
  outcome: LearningEntry['outcome'];
  count: number;
  messages: Pick<LearningEntry, 'at' | 'text' | 'decision' | 'offered'>[];
}

export interface ReviewJson {
  since: string | null;
  total: number;
  groups: ReviewGroupJson[];
}

export function reviewJson(
  entries: readonly LearningEntry[],
  since: string | undefined,
  catalogue?: Catalogue,
): ReviewJson {
  const lookups = catalogue ? createCatalogueLookups(catalogue) : undefined;
  return {
    since: since ?? null,
    total: entries.length,
    groups: reviewGroups(entries).map((group) => {
      const subArea = group.chosen === null ? undefined : lookups?.findSubArea(group.chosen);
      return {
        chosen: group.chosen,
        subArea: subArea?.name ?? null,
        category: subArea && lookups ? lookups.categoryOf(subArea).name : null,
        outcome: group.outcome,
        count: group.entries.length,
        messages: group.entries.map(({ at, text, decision, offered }) => ({ at, text, decision, offered })),
      };
    }),
  };
}

const HEADINGS: Record<LearningEntry['outcome'], string> = {
  chosen: '',
  'handed-off': 'Handed to the repairs team, no repair type chosen',
  abandoned: 'Not finished, no repair type chosen',
};

/** The review as a person reads it: a heading per repair type chosen, its messages under it, most frequent first. */
export function formatReview(review: ReviewJson, zone: string): string {
  const since = review.since ? ` since ${review.since}` : '';
  if (review.total === 0) return `No messages the bot understood poorly${since}.\n`;
  const lines = [
    `${review.total} message${review.total === 1 ? '' : 's'} the bot understood poorly${since}, by what the tenant chose in the end:`,
  ];
  for (const group of review.groups) {
    const heading = group.chosen
      ? [group.chosen, group.subArea, group.category && `(${group.category})`].filter(Boolean).join('  ')
      : HEADINGS[group.outcome];
    lines.push('', `${heading}: ${group.count}`);
    for (const message of group.messages) {
      const when = DateTime.fromISO(message.at, { zone }).toFormat('yyyy-MM-dd HH:mm');
      const offered = message.offered.length > 0 ? `  [offered ${message.offered.join(', ')}]` : '';
      lines.push(`  ${when}  ${message.decision.padEnd(4)}  ${JSON.stringify(message.text)}${offered}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

interface ReviewOptions {
  since?: string;
  state?: string;
  catalogue?: string;
  tz?: string;
  json?: boolean;
}

export function registerReviewCommand(program: Command, settings: CliSettings): void {
  program
    .command('review')
    .summary('Messages the bot understood poorly, by the repair type tenants chose: synonyms to add')
    .description(
      'The messages the bot understood poorly (redacted) with what the tenant chose in the end, grouped by repair ' +
        'type, most frequent first: words to add to the catalogue as synonyms',
    )
    .option('--since <date>', 'only messages from this day on (yyyy-MM-dd)')
    .option('--state <file>', "the bot's SQLite state file (default: STORAGE_SQLITE_FILE or data/bot-state.db)")
    .option('--catalogue <file>', 'for the names of repair types (default: DIAGNOSIS_CATALOGUE or the bundled one)')
    .option('--tz <zone>', 'the time zone times are shown in (default: BOT_TIMEZONE or Europe/London)')
    .option('--json', 'print the review as one JSON object')
    .action(async (options: ReviewOptions) => {
      if (options.since !== undefined && !isIsoDate(options.since)) {
        throw new CliError(`--since: "${options.since}" is not a yyyy-MM-dd date`);
      }
      const file = settings.stateFile(options.state);
      // SqliteStorage would create a missing file; a review of a file that is not there is a mistake to point out.
      if (!fs.existsSync(file)) throw new CliError(`review: there is no state file at ${file} (see --state)`);
      const storage = new SqliteStorage(file);
      let entries: LearningEntry[];
      try {
        const log = new LearningLog(new StorageRecordStore(storage), { clock: systemClock });
        entries = await log.entries({ since: options.since });
      } finally {
        storage.close();
      }
      const review = reviewJson(entries, options.since, catalogueForNames(settings.cataloguePath(options.catalogue)));
      process.stdout.write(
        options.json ? `${JSON.stringify(review)}\n` : formatReview(review, settings.timeZone(options.tz)),
      );
    });
}

/** Names only decorate the review: a catalogue that cannot be read leaves codes alone, with a warning. */
function catalogueForNames(file: string | undefined): Catalogue | undefined {
  try {
    return loadCatalogue(file);
  } catch (error) {
    process.stderr.write(
      `warning: repair type names left out: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`,
    );
    return undefined;
  }
}
