import fs from 'node:fs';
import path from 'node:path';

export const FIXTURE_PATH = path.resolve(__dirname, '../../fixtures/diagnosis-catalogue.json');

export type Segment = string | number;
/** One edit to a catalogue file: set the value at a path, or delete it (`value` omitted). */
export interface Edit {
  at: readonly Segment[];
  value?: unknown;
  remove?: true;
}

/** A fresh copy of the fixture catalogue as parsed JSON. */
export function rawFixture(): unknown {
  return JSON.parse(fs.readFileSync(FIXTURE_PATH, 'utf8'));
}

const isContainer = (value: unknown): value is Record<Segment, unknown> => typeof value === 'object' && value !== null;

/** The fixture with some values changed or removed, the way a person editing the file might break it. */
export function fixtureWith(...edits: Edit[]): unknown {
  const json = rawFixture();
  for (const { at, value, remove } of edits) {
    const parent = at.slice(0, -1).reduce<unknown>((node, key) => (isContainer(node) ? node[key] : undefined), json);
    const key = at[at.length - 1]!;
    if (!isContainer(parent)) throw new Error(`No parent for ${at.join('.')}`);
    if (remove) delete parent[key];
    else parent[key] = value;
  }
  return json;
}

/** The value at a path of the fixture, to copy one part onto another. */
export function fixtureValue(at: readonly Segment[]): unknown {
  return at.reduce<unknown>((node, key) => (isContainer(node) ? node[key] : undefined), rawFixture());
}
