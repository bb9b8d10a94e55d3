import fs from 'node:fs';
import path from 'node:path';
import { CatalogueError } from './catalogueError';
import { type Catalogue } from './catalogueSchema';
import { checkCatalogue } from './checkCatalogue';

const DEFAULT_CATALOGUE_FILE = 'defaultCatalogue.json';

/**
 * Where the bot's own catalogue is, seen from a module in `moduleDir`: beside the module when running from src
 * (ts-jest) or when the build copied it; `tsc` copies JSON only when it is imported, so from a dist build without
 * the copy it falls back to the file in src (dist/repairs/catalogue or dist/src/repairs/catalogue → src/…).
 */
export function findDefaultCataloguePath(moduleDir: string, exists: (file: string) => boolean = fs.existsSync): string {
  const candidates = [
    path.resolve(moduleDir, DEFAULT_CATALOGUE_FILE),
    path.resolve(moduleDir, '../../../src/repairs/catalogue', DEFAULT_CATALOGUE_FILE),
    path.resolve(moduleDir, '../../../../src/repairs/catalogue', DEFAULT_CATALOGUE_FILE),
  ];
  return candidates.find((candidate) => exists(candidate)) ?? candidates[0]!;
}

export const DEFAULT_CATALOGUE_PATH: string = findDefaultCataloguePath(__dirname);

/** Reads, parses and checks a catalogue file; throws a `CatalogueError` naming every problem (start-up must stop). */
export function loadCatalogue(filePath: string = DEFAULT_CATALOGUE_PATH): Catalogue {
  const { problems, catalogue } = checkCatalogue(parseJson(readText(filePath), filePath));
  if (!catalogue) throw new CatalogueError(filePath, problems);
  return catalogue;
}

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function readText(filePath: string): string {
  try {
    return fs.readFileSync(filePath, 'utf8');
  } catch (error) {
    throw new CatalogueError(filePath, [{ path: '$', message: `cannot be read: ${reasonOf(error)}` }]);
  }
}

function parseJson(text: string, filePath: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CatalogueError(filePath, [{ path: '$', message: `is not valid JSON: ${reasonOf(error)}` }]);
  }
}
