// Fails when src/connect/schema.ts is not what `npm run gen:connect` makes from openapi.yaml today,
// so a spec change can never land without its regenerated types.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

async function main() {
  const prettier = await import('prettier');
  const root = path.join(__dirname, '..');
  const committed = path.join(root, 'src/connect/schema.ts');
  const fresh = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'schema-')), 'schema.ts');

  execFileSync(path.join(root, 'node_modules/.bin/openapi-typescript'), ['src/connect/openapi.yaml', '-o', fresh], {
    cwd: root,
    stdio: 'pipe',
  });
  // Format as `prettier --write` does for the committed file: same config, same file name.
  const options = { ...(await prettier.resolveConfig(committed)), filepath: committed };
  const expected = await prettier.format(fs.readFileSync(fresh, 'utf8'), options);

  if (!fs.existsSync(committed) || fs.readFileSync(committed, 'utf8') !== expected) {
    console.error('src/connect/schema.ts is stale: run `npm run gen:connect` and commit the result.');
    process.exit(1);
  }
  console.log('src/connect/schema.ts matches src/connect/openapi.yaml');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
