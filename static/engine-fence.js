/*
 * Intersect: the DuckDB-WASM engine's worker, fenced to the app's origin (see src/lib/db/worker-fence.ts).
 * DuckDB-WASM reads http(s) paths itself (XHR from its worker); this prelude makes XHR, fetch and
 * WebSocket refuse every other origin, then loads DuckDB's own worker script named in ?script=.
 * A same-origin file rather than a blob: URL, so a strict CSP (worker-src 'self') allows it.
 */
'use strict';
(function () {
	var ORIGIN = self.location.origin;
	function own(url) {
		try {
			return new URL(String(url), ORIGIN + '/').origin === ORIGIN;
		} catch (e) {
			return false;
		}
	}
	function refuse(url) {
		return new Error('Intersect reads no data from outside the app: ' + url);
	}
	var open = XMLHttpRequest.prototype.open;
	XMLHttpRequest.prototype.open = function (method, url) {
		if (!own(url)) throw refuse(url);
		return open.apply(this, arguments);
	};
	var realFetch = self.fetch.bind(self);
	self.fetch = function (input, init) {
		var url = input instanceof Request ? input.url : input;
		return own(url) ? realFetch(input, init) : Promise.reject(refuse(url));
	};
	self.WebSocket = function (url) {
		throw refuse(url);
	};
	var script = new URL(self.location.href).searchParams.get('script');
	if (!script || !own(script)) throw new Error('The engine script must come from this origin.');
	self.importScripts(new URL(script, ORIGIN + '/').href);
})();
