export * from './catalogueSchema';
export { checkCatalogue, type CatalogueCheck, type CatalogueProblem } from './checkCatalogue';
export { CatalogueError } from './catalogueError';
export { loadCatalogue, DEFAULT_CATALOGUE_PATH, findDefaultCataloguePath } from './loadCatalogue';
export { createCatalogueLookups, type CatalogueLookups } from './catalogueLookups';
