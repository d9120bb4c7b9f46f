/**
 * What a longer or right-to-left language breaks in a layout, found by bounding boxes in the
 * page: the page scrolling sideways, chart text outside its `<svg>`, a control wider than its
 * container or the viewport, a control whose own text is cut. Scrolling regions (data tables,
 * the outcome list, the SQL editor, the report's paper preview) are allowed their overflow, and
 * an element wholly off screen (a skip link until focused) is hidden on purpose. Text boxes may
 * pass their svg by `SLACK` px: a glyph box is the font's full line (Noto Sans: 1.07 em above
 * the baseline, 0.29 em below), ~1 px past the ink of 12 px text at the svg's edge.
 */

/** Pixels a text box may pass its svg's edge (line box beyond the ink), or a control its container. */
const SLACK = 2;
import type { Page } from 'playwright-core';

/** Each layout problem on the page as one line (empty when the layout holds). */
export function layoutProblems(page: Page): Promise<string[]> {
	return page.evaluate((slack) => {
		const problems: string[] = [];
		const vw = document.documentElement.clientWidth;
		const label = (el: Element) => {
			const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 50);
			const chart = el.closest('[data-chart]')?.getAttribute('data-chart');
			return `${el.tagName.toLowerCase()}${chart ? ` in ${chart}` : ''} “${text}”`;
		};
		const px = (n: number) => Math.round(n);
		if (document.documentElement.scrollWidth > innerWidth)
			problems.push(
				`page scrolls sideways: ${document.documentElement.scrollWidth} > ${innerWidth}`
			);
		for (const svg of document.querySelectorAll('svg[role="graphics-document"]')) {
			const box = svg.getBoundingClientRect();
			if (box.width === 0) continue;
			for (const text of svg.querySelectorAll('text')) {
				const r = text.getBoundingClientRect();
				if (r.width === 0) continue;
				const out =
					r.left < box.left - slack ||
					r.right > box.right + slack ||
					r.top < box.top - slack ||
					r.bottom > box.bottom + slack;
				if (out)
					problems.push(
						`${label(text)} leaves its svg: [${px(r.left)}, ${px(r.right)}] × [${px(r.top)}, ${px(r.bottom)}] outside [${px(box.left)}, ${px(box.right)}] × [${px(box.top)}, ${px(box.bottom)}]`
					);
			}
		}
		const scrolls = (el: Element) => {
			for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
				const o = getComputedStyle(p).overflowX;
				if (o === 'auto' || o === 'scroll') return true;
			}
			return false;
		};
		const controls = 'button, select, input, textarea, a[href], label, summary, [role="tab"]';
		for (const el of document.querySelectorAll(controls)) {
			if (!el.checkVisibility() || scrolls(el) || el.closest('svg')) continue;
			const r = el.getBoundingClientRect();
			if (r.width <= 1 || r.height <= 1) continue; // visually hidden (screen reader text)
			if (r.right <= 0 || r.left >= vw) continue; // off screen on purpose (a skip link)
			if (r.left < -slack || r.right > vw + slack)
				problems.push(
					`${label(el)} is outside the viewport: [${px(r.left)}, ${px(r.right)}] of ${vw}`
				);
			const parent = el.parentElement!.getBoundingClientRect();
			if (r.left < parent.left - slack || r.right > parent.right + slack)
				problems.push(
					`${label(el)} overflows its container: [${px(r.left)}, ${px(r.right)}] in [${px(parent.left)}, ${px(parent.right)}]`
				);
			const own = el as HTMLElement;
			if (
				!['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName) &&
				own.scrollWidth > own.clientWidth + slack
			)
				problems.push(`${label(el)} cuts its text: ${own.scrollWidth} > ${own.clientWidth}`);
		}
		return problems;
	}, SLACK);
}
