/** Sentences about what a load would do beyond its files: rows it would orphan, tables it would shrink. */
import { formatList, lt } from '$lib/i18n';
import type { LoadRisk } from '$lib/ingest/load';

/** One line per orphaning reference and per shrinking table, in the interface language. */
export function riskLines(risk: LoadRisk): string[] {
	return [
		...risk.orphans.map((o) =>
			lt('risk.orphans', {
				from: o.from,
				column: o.column,
				to: o.to,
				n: o.n,
				examples: formatList(o.examples)
			})
		),
		...risk.shrinks.map((s) =>
			lt('risk.shrink', { table: s.table, before: s.before, after: s.after })
		)
	];
}

/** The alert kept in the report after a confirmed load: what the analyst accepted. */
export function confirmedAlert(risk: LoadRisk): string {
	return lt('risk.loaded', { details: riskLines(risk).join('; ') });
}
