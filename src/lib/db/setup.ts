/** Settings and macros every connection gets, in the browser and in tests alike. */
import { macrosSql } from './queries/macros';
import type { SqlConnection } from './types';

/**
 * Offline engine: no extension may be fetched (the wasm build would try the DuckDB extension site
 * and fail with a misleading error); then the parsing macros the queries rely on.
 */
export async function configureConnection(conn: SqlConnection): Promise<void> {
	await conn.query(`SET autoinstall_known_extensions = false;
SET autoload_known_extensions = false;`);
	await conn.query(macrosSql());
}
