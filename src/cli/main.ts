import { runCli } from './program';

// The `repairs-bot` command's entry (bin/repairs-bot.js requires this file): run the command line, set the status.
void runCli(process.argv).then((status) => {
  process.exitCode = status;
});
