/** The data contract rendered as Markdown (docs/data-contract.md is this function's output). */
import { CONTRACT, SECTOR_ALIASES } from './contract';
import { DATE_EXAMPLES } from './dates';

const code = (s: string) => `\`${s}\``;

/** Markdown documentation of the contract, generated from the contract module. */
export function contractMarkdown(): string {
	const lines = [
		'# Data contract v1',
		'',
		'<!-- Generated from src/lib/contract/contract.ts by `npm run docs:contract`; a unit test fails when it drifts. -->',
		'',
		'Intersect reads four tables. Each may arrive as CSV (comma, semicolon or tab; UTF-8 with or without BOM, UTF-16 with BOM, or Windows-1252; LF or CRLF; quoted fields with embedded delimiters and newlines) or as Parquet. `meetings`, `themes` and `outcomes` feed the dashboard; `attendance` is optional.',
		'',
		"A file's table is recognised from its header (its file name is a hint). Headers match case-insensitively after the BOM is stripped, surrounding space trimmed, and every run of non-alphanumerics treated as `_` (so `Meeting No.` = `meeting_no`); the synonyms below are accepted too. Enum values are matched the same way (`In person` = `in_person`). Unknown extra columns are kept and queryable, never an error.",
		'',
		'Download a CSV template of each table from the dashboard ("CSV templates").',
		'',
		'## Sector codes',
		'',
		'| code | accepted aliases |',
		'|---|---|',
		...Object.entries(SECTOR_ALIASES).map(
			([c, a]) => `| ${code(c)} | ${a.filter((x) => x !== c).join(', ')} |`
		),
		'',
		'## Dates',
		'',
		`Accepted: ${DATE_EXAMPLES.map(code).join(', ')} (day first, Geneva convention), and Parquet DATE/TIMESTAMP. Anything else, or an impossible date such as \`31/02/2021\`, is a row error.`,
		''
	];
	for (const t of CONTRACT) {
		lines.push(
			`## ${t.name}${t.optional ? ' (optional)' : ''}`,
			'',
			t.description,
			'',
			'| column | type | required | synonyms / rule | example |',
			'|---|---|---|---|---|'
		);
		for (const c of t.columns) {
			const type = c.type === 'enum' ? (c.values ?? []).join(', ') : c.type;
			const rule = [c.synonyms.join(', '), c.note ?? ''].filter(Boolean).join('; ');
			lines.push(
				`| ${c.name} | ${type} | ${c.required ? 'yes' : 'no'} | ${rule} | ${code(c.example)} |`
			);
		}
		lines.push('');
	}
	return lines.join('\n');
}
