import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/** Feature folders; only routes and other features may import them. */
const FEATURE_IMPORT = {
	regex: '(^\\$lib/|/)(dashboard|load|figures|outcomes|report|workspace)/',
	message:
		'Core folders (contract, db, charts, i18n, ingest, state, export) never import a feature.'
};
/** The engine itself: charts are pure functions of rows and never run a query. */
const ENGINE_IMPORTS = ['@duckdb/duckdb-wasm', '$lib/db/engine', '$lib/db/setup'].map((name) => ({
	name,
	message: 'Charts never import the engine: they draw rows a coordinator gives them.'
}));
/** Spreading a data-sized array into Math.max/min overflows the call stack (issue 14). */
const NO_MATH_SPREAD = {
	selector:
		"CallExpression[callee.object.name='Math'][callee.property.name=/^(max|min)$/] > SpreadElement",
	message: 'No spread into Math.max/min: use maxOf, d3.max/min/extent or a loop.'
};
/** SQL text lives only in src/lib/db/queries/ (one place to read, escape and test it). */
const SQL_START =
	'/^\\s*(SELECT|CREATE|DROP|ALTER|INSERT|DELETE|UPDATE|COPY|WITH|DESCRIBE|SUMMARIZE|PRAGMA|BEGIN|COMMIT|ROLLBACK)(\\s|;)/';
const NO_INLINE_SQL = [
	`TemplateLiteral > TemplateElement:first-child[value.raw=${SQL_START}]`,
	`Literal[value=${SQL_START}]`
].map((selector) => ({
	selector,
	message: 'SQL text lives in src/lib/db/queries/: add a builder there and call it.'
}));

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{ languageOptions: { globals: { ...globals.browser, ...globals.node } } },
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		rules: {
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			],
			'svelte/no-at-html-tags': 'error'
		}
	},
	{
		files: ['src/**'],
		rules: { 'no-restricted-syntax': ['error', NO_MATH_SPREAD, ...NO_INLINE_SQL] }
	},
	{
		files: ['src/lib/db/queries/**'],
		rules: { 'no-restricted-syntax': ['error', NO_MATH_SPREAD] }
	},
	// One slicing rule (docs/ARCHITECTURE.md, "Folders"): features sit on a shared core, and the
	// core never reaches up into a feature. Dynamic import() is not checked by this rule.
	{
		files: ['src/lib/{contract,db,i18n,ingest,state,export}/**'],
		rules: { 'no-restricted-imports': ['error', { patterns: [FEATURE_IMPORT] }] }
	},
	{
		files: ['src/lib/charts/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					paths: ENGINE_IMPORTS,
					// ChartFrame (figures/) is the one exception until each chart's frame is drawn by its host.
					patterns: [
						{
							...FEATURE_IMPORT,
							regex:
								'(^\\$lib/|/)(dashboard|load|outcomes|report|workspace)/|figures/(?!ChartFrame\\.svelte$)'
						}
					]
				}
			]
		}
	},
	{
		ignores: [
			'build/',
			'.build-subpath/',
			'.build-pseudo/',
			'.svelte-kit/',
			'src/lib/paraglide/',
			'node_modules/',
			'bench/data/',
			'bench/.cache/',
			'static/'
		]
	}
);
