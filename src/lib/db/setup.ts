/** Settings and macros every connection gets, in the browser and in tests alike. */
import { macrosSql } from './queries/macros';
import type { SqlConnection } from './types';

/**
 * Engine-wide settings, applied once right after the engine opens, then locked: no extension may
 * be fetched or loaded (the wasm build would reach the DuckDB extension site), and after
 * `lock_configuration` no statement on any connection can change a setting (SET, RESET, PRAGMA
 * fail with "the configuration has been locked"), whatever the workspace guard missed.
 */
export async function secureEngine(conn: SqlConnection): Promise<void> {
	await conn.query(`SET autoinstall_known_extensions = false;
SET autoload_known_extensions = false;
SET allow_community_extensions = false;
SET lock_configuration = true;`);
}

/** Per-connection set-up: the parsing macros the queries rely on. */
export async function configureConnection(conn: SqlConnection): Promise<void> {
	await conn.query(macrosSql());
}
