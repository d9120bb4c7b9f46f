/**
 * Running the analyst's SQL: the guard first, then each statement in its own read-only transaction
 * (`BEGIN TRANSACTION READ ONLY`), so DuckDB itself refuses any write to the loaded tables that
 * the guard did not recognise, while TEMP objects of the analyst's own still work.
 */
import type { Table } from 'apache-arrow';
import { BEGIN_READ_ONLY_SQL, COMMIT_SQL, ROLLBACK_SQL } from '$lib/db/queries/staging';
import { t } from '$lib/i18n';
import { checkWorkspaceSql, type Refusal } from './guard';
import { refusalText, statementText } from './refusal-text';

/** What the workspace needs from its own connection: run one statement, cancel the running one. */
export interface StatementRunner {
	/** Run exactly one statement and return its full result. */
	run(sql: string): Promise<Table>;
	/** Interrupt the statement running now; true when one was. */
	cancel(): Promise<boolean>;
}

/**
 * How a script ended: the last statement's result, a refusal (its code, and its sentence in the
 * reader's language), an error, or a cancellation.
 */
export type RunOutcome =
	| { kind: 'result'; table: Table; ms: number; statements: number }
	| { kind: 'refused'; message: string; refusal: Refusal }
	| { kind: 'error'; message: string; statement: number }
	| { kind: 'cancelled'; ms: number };

/** Options of `runWorkspaceSql`; `isCancelled` tells a failure caused by Cancel from others. */
export interface RunOptions {
	runner: StatementRunner;
	sql: string;
	isCancelled?: () => boolean;
	now?: () => number;
}

const READ_ONLY = /read-only mode/i;

/**
 * DuckDB's message as its shell prints it (`Parser Error: …`); pending queries in the browser
 * report errors as JSON. A plain-words preface when the read-only transaction refused a write.
 */
export function explainError(message: string): string {
	let text = message;
	try {
		const e = JSON.parse(message) as { exception_type?: string; exception_message?: string };
		if (e.exception_message) text = `${e.exception_type ?? 'DuckDB'} Error: ${e.exception_message}`;
	} catch {
		// Not JSON: already DuckDB's text.
	}
	return READ_ONLY.test(text) ? t('ws.readOnlyRefused', { error: text }) : text;
}

/** Run one statement inside a read-only transaction; roll back (and rethrow) when it fails. */
export async function runReadOnly(runner: StatementRunner, sql: string): Promise<Table> {
	await runner.run(BEGIN_READ_ONLY_SQL);
	let table: Table;
	try {
		table = await runner.run(sql);
	} catch (e) {
		await runner.run(ROLLBACK_SQL).catch(() => undefined);
		throw e;
	}
	await runner.run(COMMIT_SQL);
	return table;
}

const queues = new WeakMap<StatementRunner, Promise<unknown>>();

/**
 * Run `work` alone on `runner`: scripts and catalog reads queued on one connection take turns, so
 * one script's BEGIN … COMMIT never interleaves with another's ("Current transaction is aborted").
 */
export function exclusive<T>(runner: StatementRunner, work: () => Promise<T>): Promise<T> {
	const next = (queues.get(runner) ?? Promise.resolve()).then(work);
	queues.set(
		runner,
		next.catch(() => undefined)
	);
	return next;
}

/** Guard, then run a script statement by statement (alone on its runner); the last result. */
export async function runWorkspaceSql(o: RunOptions): Promise<RunOutcome> {
	const verdict = checkWorkspaceSql(o.sql);
	if (!verdict.ok)
		return { kind: 'refused', message: refusalText(verdict), refusal: verdict.refusal };
	return exclusive(o.runner, () => runStatements(o, verdict.statements));
}

/** The statements of an allowed script, each in its own read-only transaction. */
async function runStatements(o: RunOptions, statements: string[]): Promise<RunOutcome> {
	const { runner, isCancelled = () => false, now = () => performance.now() } = o;
	if (statements.length === 0) return { kind: 'error', message: t('ws.noStatement'), statement: 0 };
	const start = now();
	let table: Table | null = null;
	for (const [i, statement] of statements.entries()) {
		try {
			table = await runReadOnly(runner, statement);
		} catch (e) {
			if (isCancelled()) return { kind: 'cancelled', ms: now() - start };
			const text = explainError(e instanceof Error ? e.message : String(e));
			const message = statements.length > 1 ? statementText(i, text) : text;
			return { kind: 'error', message, statement: i };
		}
	}
	return {
		kind: 'result',
		table: table!,
		ms: now() - start,
		statements: statements.length
	};
}
