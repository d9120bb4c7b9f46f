/**
 * SQL macros that parse export values the way the data contract says. Created once per database;
 * the validation queries use them so that browser and tests share one definition.
 */
import { sectorAliasPairs } from '../../contract/match';
import { literal } from '../sql';

/**
 * Date formats the contract accepts, tried in order; Parquet dates and timestamps arrive cast to
 * text, a time-zone suffix is stripped first (this build has no ICU for zoned timestamps).
 */
export const DATE_FORMATS = [
	'%Y-%m-%d',
	'%d/%m/%Y',
	'%d %B %Y',
	'%d %b %Y',
	'%Y-%m-%d %H:%M:%S',
	'%Y-%m-%d %H:%M:%S.%f',
	'%Y-%m-%dT%H:%M:%S',
	'%Y-%m-%dT%H:%M:%S.%f'
];

/** CREATE MACRO statements: isc_norm, isc_int, isc_date, isc_sector. */
export function macrosSql(): string {
	const sectorCases = sectorAliasPairs()
		.map(([alias, code]) => `WHEN ${literal(alias)} THEN ${literal(code)}`)
		.join(' ');
	const formats = `[${DATE_FORMATS.map(literal).join(', ')}]`;
	return `
CREATE OR REPLACE MACRO isc_norm(v) AS
  trim(regexp_replace(lower(strip_accents(trim(v))), '[^a-z0-9]+', '_', 'g'), '_');
CREATE OR REPLACE MACRO isc_int(v) AS
  CASE WHEN regexp_full_match(trim(v), '[+-]?[0-9]{1,15}(\\.0*)?')
       THEN CAST(CAST(trim(v) AS DOUBLE) AS BIGINT) END;
CREATE OR REPLACE MACRO isc_date(v) AS
  CAST(try_strptime(regexp_replace(trim(v), '(:[0-9]{2}(\\.[0-9]+)?)(Z|[+-][0-9]{2}(:?[0-9]{2})?)$', '\\1'), ${formats}) AS DATE);
CREATE OR REPLACE MACRO isc_sector(v) AS
  CASE isc_norm(v) ${sectorCases} END;
`;
}
