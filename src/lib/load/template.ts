/** CSV templates of the contract tables: the header and one example row. */
import { getTable, type TableName } from '$lib/contract/contract';
import { toCsv } from '$lib/export/csv';

/** The template CSV text for `table`. */
export function templateCsv(table: TableName): string {
	const t = getTable(table);
	return toCsv(
		t.columns.map((c) => c.name),
		[t.columns.map((c) => c.example)]
	);
}
