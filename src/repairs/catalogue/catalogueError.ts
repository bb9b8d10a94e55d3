import { type CatalogueProblem } from './catalogueRules';

/** Thrown at start-up for a catalogue that cannot be used; its message lists every problem so one restart fixes all. */
export class CatalogueError extends Error {
  constructor(
    readonly source: string,
    readonly problems: readonly CatalogueProblem[],
  ) {
    super(
      `The repairs catalogue ${source} cannot be used (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => `  - ${p.path}: ${p.message}`).join('\n'),
    );
    this.name = 'CatalogueError';
  }
}
