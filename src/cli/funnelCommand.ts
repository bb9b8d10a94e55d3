import fs from 'node:fs';
import { type Command } from 'commander';
import { DateTime } from 'luxon';
// Not the telemetry index: that would load the Application Insights client, which a report does not need.
import { DEFAULT_IDLE_MINUTES, formatFunnel, funnelReport } from '../repairs/telemetry/funnelReport';
import { readFunnelLog } from '../repairs/telemetry/jsonLinesFunnelRecorder';
import { isIsoDate } from '../repairs/time';
import { CliError } from './cliError';
import { type CliSettings } from './cliSettings';

interface FunnelOptions {
  since?: string;
  file?: string;
  idle: string;
  at?: string;
  tz?: string;
  json?: boolean;
}

export function registerFunnelCommand(program: Command, settings: CliSettings): void {
  program
    .command('funnel')
    .summary('How far tenants get in reporting a repair, step by step, from the funnel event log')
    .description(
      'Counts the conversations that reached each step of reporting a repair (started, repair type proposed and ' +
        'accepted, tenant identified, order created, times offered, booked) with the rate from step to step, and ' +
        'what else happened along the way (emergencies, corrections, hand-offs, cancellations, abandoned ' +
        'conversations). Reads the local event log; with Application Insights, query customEvents instead.',
    )
    .option('--since <date>', 'only events from this day on (yyyy-MM-dd, in BOT_TIMEZONE)')
    .option('--file <file>', 'the funnel event log (default: FUNNEL_LOG_FILE or data/funnel.jsonl)')
    .option(
      '--idle <minutes>',
      'a conversation idle this long before finishing counts as abandoned',
      String(DEFAULT_IDLE_MINUTES),
    )
    .option('--at <instant>', 'the report as it stood at this time (ISO 8601; default now): for idle conversations')
    .option('--tz <zone>', 'the time zone of --since (default: BOT_TIMEZONE or Europe/London)')
    .option('--json', 'print the report as one JSON object')
    .action((options: FunnelOptions) => {
      if (options.since !== undefined && !isIsoDate(options.since)) {
        throw new CliError(`--since: "${options.since}" is not a yyyy-MM-dd date`);
      }
      const idleMinutes = Number(options.idle);
      if (!Number.isInteger(idleMinutes) || idleMinutes < 1) {
        throw new CliError(`--idle: "${options.idle}" is not a whole number of minutes`);
      }
      const now = options.at === undefined ? new Date() : new Date(options.at);
      if (Number.isNaN(now.getTime())) throw new CliError(`--at: "${options.at}" is not an ISO 8601 time`);
      const file = settings.funnelLogFile(options.file);
      if (!fs.existsSync(file)) {
        throw new CliError(`funnel: there is no event log at ${file} (see --file; the bot writes one as it runs)`);
      }
      const since = options.since
        ? DateTime.fromISO(options.since, { zone: settings.timeZone(options.tz) }).toJSDate()
        : undefined;
      // Shown as the day asked for, not as the instant it stands for.
      const report = {
        ...funnelReport(readFunnelLog(file), { since, now, idleMinutes }),
        since: options.since ?? null,
      };
      process.stdout.write(options.json ? `${JSON.stringify(report)}\n` : formatFunnel(report));
    });
}
