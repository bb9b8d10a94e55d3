import { type Category, type SubArea } from '../catalogue/catalogueSchema';

/** One candidate repair type for a tenant's description. */
export interface DiagnosisMatch {
  code: string;
  subAreaId: string;
  subArea: SubArea;
  category: Category;
  /** BM25 score; comparable only between matches of the same message. */
  score: number;
}
