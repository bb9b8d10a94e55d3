import { type z } from 'zod';
import { type CatalogueProblem, checkCatalogueRules } from './catalogueRules';
import { jsonPath } from './cataloguePath';
import { type Catalogue, catalogueSchema } from './catalogueSchema';

export type { CatalogueProblem } from './catalogueRules';

export interface CatalogueCheck {
  /** Every problem found, each with its JSON path; empty when the catalogue is usable. */
  problems: CatalogueProblem[];
  /** The parsed catalogue, present only when there are no problems. */
  catalogue?: Catalogue;
}

/** Checks the shape and the cross-references of a parsed catalogue file, collecting every problem rather than the first. */
export function checkCatalogue(json: unknown): CatalogueCheck {
  const parsed = catalogueSchema.safeParse(json, { reportInput: true });
  const problems = [...(parsed.success ? [] : parsed.error.issues.map(toProblem)), ...checkCatalogueRules(json)];
  return problems.length === 0 && parsed.success ? { problems, catalogue: parsed.data } : { problems };
}

function toProblem(issue: z.core.$ZodIssue): CatalogueProblem {
  return { path: jsonPath(issue.path), message: describe(issue) };
}

/** Zod's wording is written for developers; whoever edits the catalogue wants "is missing" and "expected a number". */
function describe(issue: z.core.$ZodIssue): string {
  const missing = !('input' in issue) || issue.input === undefined;
  if (issue.code === 'invalid_type') {
    // Zod reports a fractional number where a whole one is wanted as the type "int".
    const expected = issue.expected === 'int' ? 'a whole number' : issue.expected;
    return missing ? `is missing (expected ${expected})` : `expected ${expected}, got ${kindOf(issue.input)}`;
  }
  return missing ? `is missing: ${issue.message}` : issue.message;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
