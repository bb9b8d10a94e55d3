// tsc compiles only TypeScript; the spec, catalogues and seed files the code reads at run time are copied
// next to the compiled files so that dist/ stands alone.
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const assetPattern = /\.(ya?ml|json)$/;

function copyAssets(fromDir, toDir) {
  for (const entry of fs.readdirSync(fromDir, { withFileTypes: true })) {
    const from = path.join(fromDir, entry.name);
    const to = path.join(toDir, entry.name);
    if (entry.isDirectory()) copyAssets(from, to);
    else if (assetPattern.test(entry.name)) {
      fs.mkdirSync(toDir, { recursive: true });
      fs.copyFileSync(from, to);
    }
  }
}

copyAssets(path.join(root, 'src'), path.join(root, 'dist'));
