import readline from 'node:readline';
import { type Command } from 'commander';
import pino from 'pino';
import { loadConfig } from '../config';
import { createLogger } from '../logging/logger';
import { answerFor, ChatChannel, renderReply } from './chatChannel';

/**
 * Settings for a chat on this machine: the bot's own settings, on free ports, with no Bot Framework credentials (the
 * terminal is a local channel) and, unless STORAGE is set, state in memory so trying the flows leaves nothing
 * behind. Without CONNECT_BASE_URL the embedded Connect simulator plays Connect, as with `npm start`.
 */
export function chatEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    ...env,
    PORT: '0',
    CONNECT_SIMULATOR_PORT: env.CONNECT_SIMULATOR_PORT ?? '0',
    STORAGE: env.STORAGE ?? 'memory',
    LOG_LEVEL: env.LOG_LEVEL ?? 'warn',
    MicrosoftAppId: '',
    MicrosoftAppPassword: '',
  };
}

export const QUIT = 'quit';

export function registerChatCommand(program: Command): void {
  program
    .command('chat')
    .summary('Talk to the bot in the terminal (on the embedded Connect simulator unless CONNECT_BASE_URL is set)')
    .description(
      'Starts the bot as `npm start` builds it (same dialogs, same rules) and talks to it as a chat channel does: ' +
        'type as a tenant would, choose a button by its number, type "quit" to leave. Uses the embedded Connect ' +
        'simulator unless CONNECT_BASE_URL is set, and keeps conversation state in memory unless STORAGE is set. ' +
        "The bot's logs go to standard error (LOG_LEVEL, default warn).",
    )
    .action(async () => {
      const config = loadConfig(chatEnvironment(process.env));
      // Standard output is the conversation; log lines go to standard error.
      const logger = createLogger(config.logLevel, pino.destination({ fd: 2, sync: true }));
      // Loaded here, not at the top: the server's modules are heavy and warn on load, and the other commands
      // (which share this program) do not need them.
      const { startApp } = await import('../app');
      const app = await startApp(config, { logger });
      let choices: string[] = [];
      const channel = new ChatChannel(app.url, (activity) => {
        const reply = renderReply(activity);
        if (!reply) return;
        // The latest message's buttons are the ones a number picks (a prompt comes last in its turn).
        choices = reply.choices;
        const shown = reply.text.split('\n').map((line, i) => (i === 0 || line === '' ? line : `     ${line}`));
        process.stdout.write(`bot: ${shown.join('\n')}\n`);
      });
      const interactive = Boolean(process.stdin.isTTY);
      let lines: readline.Interface | undefined;
      try {
        await channel.start();
        process.stdout.write(
          `Chatting with the repairs bot${app.simulator ? ' on the Connect simulator' : ''}. ` +
            `Choose a button by its number; type "${QUIT}" to leave.\n\n`,
        );
        await channel.join();
        // Made after the welcome: lines a reader reads before the loop below asks for them would be lost.
        lines = readline.createInterface({ input: process.stdin, terminal: interactive, crlfDelay: Infinity });
        lines.setPrompt('you> ');
        if (interactive) lines.prompt();
        for await (const line of lines) {
          const typed = line.trim();
          if (typed.toLowerCase() === QUIT) break;
          if (typed !== '') {
            // Piped input is echoed, so that a saved transcript reads as a conversation.
            if (!interactive) process.stdout.write(`you> ${typed}\n`);
            await channel.say(answerFor(typed, choices));
          }
          if (interactive) lines.prompt();
        }
      } finally {
        lines?.close();
        await channel.stop();
        await app.close();
      }
      process.stdout.write('Bye.\n');
    });
}
