import { jsonPath, type PathSegment } from './cataloguePath';

/**
 * Rules between the parts of a catalogue that a schema of each part cannot see: references must point at something
 * that exists and identifiers must be unique. They read the raw JSON defensively, so that a file with a wrong type in
 * one place still gets every broken reference elsewhere reported in the same run — whoever fixes the file sees the
 * whole list at once instead of one problem per restart.
 */

export interface CatalogueProblem {
  /** JSON path of the offending value, e.g. `$.categories[3].subAreas[1].priority`. */
  path: string;
  message: string;
}

type Raw = Record<string, unknown>;

const isRecord = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);
const itemsOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const stringAt = (value: unknown, key: string): string | undefined => {
  const field = isRecord(value) ? value[key] : undefined;
  return typeof field === 'string' ? field.trim() : undefined;
};

/** Reports the second and later holders of a value that must be unique, pointing back at the first. */
class UniqueValues {
  private readonly firstSeenAt = new Map<string, string>();
  constructor(private readonly problems: CatalogueProblem[]) {}

  /** `what` names the value in the message, e.g. "sub-area code". */
  claim(value: string | undefined, path: PathSegment[], what: string): void {
    if (value === undefined || value === '') return;
    const here = jsonPath(path);
    const first = this.firstSeenAt.get(value);
    if (first === undefined) this.firstSeenAt.set(value, here);
    else this.problems.push({ path: here, message: `duplicate ${what} "${value}" (first used at ${first})` });
  }

  has(value: string): boolean {
    return this.firstSeenAt.has(value);
  }
}

export function checkCatalogueRules(json: unknown): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [];
  if (!isRecord(json)) return problems;

  const priorityIds = new UniqueValues(problems);
  itemsOf(json.priorities).forEach((priority, i) =>
    priorityIds.claim(stringAt(priority, 'id'), ['priorities', i, 'id'], 'priority id'),
  );

  const supplierIds = new UniqueValues(problems);
  itemsOf(json.suppliers).forEach((supplier, i) =>
    supplierIds.claim(stringAt(supplier, 'externalId'), ['suppliers', i, 'externalId'], 'supplier externalId'),
  );

  const emergencyIds = new UniqueValues(problems);
  itemsOf(json.emergencies).forEach((emergency, i) => {
    emergencyIds.claim(stringAt(emergency, 'id'), ['emergencies', i, 'id'], 'emergency id');
    const seenTriggers = new UniqueValues(problems);
    itemsOf(isRecord(emergency) ? emergency.triggers : undefined).forEach((trigger, t) =>
      seenTriggers.claim(
        typeof trigger === 'string' ? trigger.trim().toLowerCase() : undefined,
        ['emergencies', i, 'triggers', t],
        'trigger',
      ),
    );
  });

  const categoryIds = new UniqueValues(problems);
  // Sub-areas are looked up by id or by code alike, so both live in one namespace and must not collide.
  const subAreaKeys = new UniqueValues(problems);
  itemsOf(json.categories).forEach((category, c) => {
    categoryIds.claim(stringAt(category, 'id'), ['categories', c, 'id'], 'category id');
    itemsOf(isRecord(category) ? category.subAreas : undefined).forEach((subArea, s) => {
      const at = (...rest: PathSegment[]): PathSegment[] => ['categories', c, 'subAreas', s, ...rest];
      subAreaKeys.claim(stringAt(subArea, 'id'), at('id'), 'sub-area id');
      const code = stringAt(subArea, 'code');
      if (code !== stringAt(subArea, 'id')) subAreaKeys.claim(code, at('code'), 'sub-area code');

      const priority = stringAt(subArea, 'priority');
      if (priority && !priorityIds.has(priority)) {
        problems.push({
          path: jsonPath(at('priority')),
          message: `unknown priority "${priority}" (not in $.priorities)`,
        });
      }

      const contractor = isRecord(subArea) ? subArea.contractor : undefined;
      const supplier = stringAt(contractor, 'supplierExternalId');
      if (stringAt(contractor, 'type') === 'External' && supplier && !supplierIds.has(supplier)) {
        problems.push({
          path: jsonPath(at('contractor', 'supplierExternalId')),
          message: `unknown supplier "${supplier}" (not in $.suppliers)`,
        });
      }
    });
  });

  return problems;
}
