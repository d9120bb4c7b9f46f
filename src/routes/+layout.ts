// DuckDB-WASM runs only in the browser: a single-page app, prerendered as an empty shell.
export const ssr = false;
export const prerender = true;
