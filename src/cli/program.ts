import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config';
import { CatalogueError } from '../repairs/catalogue';
import { registerCatalogueCommand } from './catalogueCommand';
import { registerChatCommand } from './chatCommand';
import { CliError } from './cliError';
import { CliSettings } from './cliSettings';
import { registerDiagnoseCommand } from './diagnoseCommand';
import { registerFunnelCommand } from './funnelCommand';
import { registerReviewCommand } from './reviewCommand';
import { registerWhenCommand } from './whenCommand';

/**
 * `repairs-bot`: tools for the people who run the bot, on the bot's own modules, so what a tool says is what the
 * bot does. One file per command; `chat` and `funnel` are to be registered here the same way.
 */
export function createProgram(settings: CliSettings = new CliSettings()): Command {
  const program = new Command('repairs-bot')
    .description('Tools for the people who run the repairs bot')
    .showHelpAfterError('(run "repairs-bot help" for the commands)')
    .exitOverride();
  registerDiagnoseCommand(program, settings);
  registerWhenCommand(program, settings);
  registerCatalogueCommand(program);
  registerReviewCommand(program, settings);
  registerFunnelCommand(program, settings);
  registerChatCommand(program);
  return program;
}

/** Runs one command line. Exit status: 0 done, 1 the input has problems, 2 the command could not run. */
export async function runCli(argv: readonly string[], settings?: CliSettings): Promise<number> {
  try {
    await createProgram(settings).parseAsync([...argv]);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    // Commander has already said what was wrong (or printed the help it was asked for).
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof CliError) {
      process.stderr.write(`repairs-bot: ${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof CatalogueError || error instanceof ConfigError) {
      process.stderr.write(`repairs-bot: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`repairs-bot: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 2;
  }
}
