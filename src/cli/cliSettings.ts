import { type Config, loadConfig } from '../config';

/**
 * The bot's own settings (DIAGNOSIS_CATALOGUE, BOT_TIMEZONE, STORAGE_SQLITE_FILE…) as defaults for the tools'
 * options, read and validated by the same code as the bot's. They are read only when an option is left out, so a tool given
 * every path on its command line never trips over a setting it does not use.
 */
export class CliSettings {
  private config?: Config;

  constructor(private readonly env: NodeJS.ProcessEnv = process.env) {}

  private get settings(): Config {
    this.config ??= loadConfig(this.env);
    return this.config;
  }

  /** `--catalogue`, else DIAGNOSIS_CATALOGUE; undefined means the bundled catalogue. */
  cataloguePath(option?: string): string | undefined {
    return option ?? this.settings.cataloguePath;
  }

  /** `--tz`, else BOT_TIMEZONE, else Europe/London. */
  timeZone(option?: string): string {
    return option ?? this.settings.timeZone;
  }

  /** `--state`, else STORAGE_SQLITE_FILE, else data/bot-state.db. */
  stateFile(option?: string): string {
    return option ?? this.settings.storage.sqliteFile;
  }

  /** `--file`, else FUNNEL_LOG_FILE, else data/funnel.jsonl. */
  funnelLogFile(option?: string): string {
    return option ?? this.settings.telemetry.funnelLogFile;
  }
}
