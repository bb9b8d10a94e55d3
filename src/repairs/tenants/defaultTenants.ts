import fs from 'node:fs';
import path from 'node:path';

/**
 * The demo tenant directory shipped with the bot (the same fictional tenants the Connect simulator knows), used
 * when TENANTS_FILE is unset. Resolved next to this module, or in src/ when running from a build without it.
 */
const beside = path.join(__dirname, 'demoTenants.json');
export const DEFAULT_TENANTS_PATH = fs.existsSync(beside)
  ? beside
  : path.resolve(__dirname, '../../../src/repairs/tenants/demoTenants.json');
