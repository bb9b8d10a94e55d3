// Builds the Teams app package: teamsAppManifest/build/repairs-bot.zip holding manifest.json, color.png and
// outline.png. The manifest's bot id placeholder ${{MicrosoftAppId}} is filled from the environment variable
// MicrosoftAppId (the bot's Entra app registration id, a GUID), the same variable the bot itself reads.
const { Buffer } = require('node:buffer');
const fs = require('node:fs');
const path = require('node:path');
const { zip } = require('./zipWriter');

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const dir = path.join(__dirname, '..', 'teamsAppManifest');

function main() {
  const appId = (process.env.MicrosoftAppId ?? '').trim();
  if (!GUID.test(appId)) {
    console.error(
      'Set MicrosoftAppId to the bot registration id (a GUID), e.g. MicrosoftAppId=... npm run teams:package',
    );
    return 1;
  }
  const template = fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8');
  const manifest = template.split('${{MicrosoftAppId}}').join(appId);
  JSON.parse(manifest); // fails loudly on a broken template
  const archive = zip([
    { name: 'manifest.json', data: Buffer.from(manifest, 'utf8') },
    { name: 'color.png', data: fs.readFileSync(path.join(dir, 'color.png')) },
    { name: 'outline.png', data: fs.readFileSync(path.join(dir, 'outline.png')) },
  ]);
  const out = path.join(dir, 'build', 'repairs-bot.zip');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, archive);
  console.log(`wrote ${path.relative(process.cwd(), out)}`);
  return 0;
}

process.exitCode = main();
