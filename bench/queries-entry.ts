/** The app's SQL builders and view maths that the benchmark's native reference runs (bundled by bench/lib/queries.mjs). */
export * from '../src/lib/db/queries/dashboard';
export { initDatasetSql } from '../src/lib/db/queries/dataset';
export { outcomeCubeSql } from '../src/lib/db/queries/cube';
export { parseView, previousPeriod, resolvePeriod, viewFilters } from '../src/lib/state/view';
