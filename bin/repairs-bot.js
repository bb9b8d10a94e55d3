#!/usr/bin/env node
// The `repairs-bot` command: tools for the people who run the bot, on the bot's own compiled modules.
const path = require('node:path');
const fs = require('node:fs');

const main = path.join(__dirname, '..', 'dist', 'cli', 'main.js');
if (!fs.existsSync(main)) {
  process.stderr.write('repairs-bot is not built yet: run `npm run build` (npm install does it) and try again.\n');
  process.exit(2);
}
require(main);
