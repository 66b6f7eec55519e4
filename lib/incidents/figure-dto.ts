// The public shape of a reconciled figure (API, pages, exports).
import { CATEGORIES, METRICS, type Category, type Flag, type Method, type Metric } from "@/lib/domain/vocabularies";

export type FigureDto = {
  metric: Metric;
  category: Category;
  low: number;
  best: number;
  /** null = open: nothing bounds it. */
  high: number | null;
  method: Method;
  flags: Flag[];
  claimCount: number;
  sourceCount: number;
  independentSourceCount: number;
};

export const figureSelect = {
  metric: true,
  category: true,
  low: true,
  best: true,
  high: true,
  method: true,
  flags: true,
  claimCount: true,
  sourceCount: true,
  independentSourceCount: true,
} as const;

export function sortFigures<T extends { metric: Metric; category: Category }>(figures: T[]): T[] {
  return [...figures].sort(
    (a, b) => METRICS.indexOf(a.metric) - METRICS.indexOf(b.metric) || CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category),
  );
}

export function toFigureDto(row: FigureDto): FigureDto {
  return {
    metric: row.metric,
    category: row.category,
    low: row.low,
    best: row.best,
    high: row.high,
    method: row.method,
    flags: row.flags,
    claimCount: row.claimCount,
    sourceCount: row.sourceCount,
    independentSourceCount: row.independentSourceCount,
  };
}
