/**
 * The light theme on demand. Exports are for print, so they take the light colours whatever the
 * OS theme: while `withLightTheme` runs, every `prefers-color-scheme: dark` rule of the page's
 * stylesheets is switched off (its media set to `not all`) and restored after. Nothing paints in
 * between: the work is synchronous.
 */

function darkRules(): CSSMediaRule[] {
	const found: CSSMediaRule[] = [];
	const visit = (rules: CSSRuleList) => {
		for (const r of Array.from(rules)) {
			if (r instanceof CSSMediaRule) {
				if (/prefers-color-scheme\s*:\s*dark/.test(r.media.mediaText)) found.push(r);
				else visit(r.cssRules);
			}
		}
	};
	for (const sheet of Array.from(document.styleSheets)) {
		try {
			visit(sheet.cssRules);
		} catch {
			// A cross-origin sheet cannot be read; the app has none.
		}
	}
	return found;
}

/** Switch the page's dark-theme rules off until the returned function is called. */
export function holdLightTheme(): () => void {
	const rules = darkRules();
	const saved = rules.map((r) => r.media.mediaText);
	for (const r of rules) r.media.mediaText = 'not all';
	return () => rules.forEach((r, i) => (r.media.mediaText = saved[i]!));
}

/** Run `fn` with the page's dark-theme rules off; returns what `fn` returns. */
export function withLightTheme<T>(fn: () => T): T {
	const restore = holdLightTheme();
	try {
		return fn();
	} finally {
		restore();
	}
}

/** Switch the page to the light theme for good (embeds: they sit in someone else's page). */
export function forceLightTheme(): void {
	for (const r of darkRules()) r.media.mediaText = 'not all';
	document.documentElement.style.colorScheme = 'light';
}

/** Print in the light theme whatever the screen's; returns the function that stops doing so. */
export function printInLightTheme(): () => void {
	let restore: (() => void) | null = null;
	const before = () => (restore = holdLightTheme());
	const after = () => {
		restore?.();
		restore = null;
	};
	addEventListener('beforeprint', before);
	addEventListener('afterprint', after);
	return () => {
		removeEventListener('beforeprint', before);
		removeEventListener('afterprint', after);
		after();
	};
}
