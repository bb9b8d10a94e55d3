import { type Catalogue, type Category, type Priority, type SubArea, type Supplier } from './catalogueSchema';

/** Constant-time answers to the questions dialogs and services ask of a loaded catalogue. */
export interface CatalogueLookups {
  /** By code ("BATH001") or by id ("bath-leak"); codes are matched without regard to case. */
  findSubArea(codeOrId: string): SubArea | undefined;
  categoryOf(subArea: SubArea): Category;
  priority(id: string): Priority | undefined;
  supplier(externalId: string): Supplier | undefined;
}

export function createCatalogueLookups(catalogue: Catalogue): CatalogueLookups {
  const subAreas = new Map<string, SubArea>();
  const categories = new Map<SubArea, Category>();
  for (const category of catalogue.categories) {
    for (const subArea of category.subAreas) {
      subAreas.set(subArea.id, subArea);
      subAreas.set(subArea.code.toUpperCase(), subArea);
      categories.set(subArea, category);
    }
  }
  const priorities = new Map(catalogue.priorities.map((p) => [p.id, p]));
  const suppliers = new Map(catalogue.suppliers.map((s) => [s.externalId, s]));

  return {
    findSubArea: (codeOrId) => subAreas.get(codeOrId.trim()) ?? subAreas.get(codeOrId.trim().toUpperCase()),
    categoryOf(subArea) {
      const category = categories.get(subArea) ?? categories.get(subAreas.get(subArea.id) ?? subArea);
      if (!category) throw new Error(`Sub-area "${subArea.id}" is not in this catalogue`);
      return category;
    },
    priority: (id) => priorities.get(id),
    supplier: (externalId) => suppliers.get(externalId),
  };
}
