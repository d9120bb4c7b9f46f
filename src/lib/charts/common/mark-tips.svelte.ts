/**
 * What a chart does with its marks besides drawing them: one Tab stop for the chart (roving
 * tabindex: arrow keys, Home and End move between the focusable marks, roving.ts), a tooltip of the mark's
 * accessible name (its exact, localised numbers) on hover, keyboard focus and tap, Escape to close
 * it and clear the chart's own selection, and on touch a first tap that only shows the value.
 */
import { nextMarkIndex } from '../roving';

/** The focusable marks of a chart: every element inside its svg that takes focus. */
const MARK = '[tabindex]';

const SWAP: Record<string, string> = { ArrowLeft: 'ArrowRight', ArrowRight: 'ArrowLeft' };

/** A shown tooltip: its text and the mark's box relative to the chart body (px). */
export interface Tip {
	text: string;
	x: number;
	top: number;
	bottom: number;
}

/** The tooltip and roving-focus state of one chart. */
export class MarkTips {
	tip = $state<Tip | null>(null);
	#mark: Element | null = null;
	/** The mark a first tap showed (a tap also focuses it, so focus cannot tell taps apart). */
	#tapped: Element | null = null;
	#focused = false;
	#pointer = 'mouse';
	#body: () => HTMLElement | undefined;
	#onclear: () => (() => void) | undefined;
	#mirrored: () => boolean;

	/**
	 * `body` holds the chart's svg; `onclear` clears its own selection; `mirrored` says its marks
	 * run right to left (an Arabic heatmap), so Left and Right swap to follow what is seen.
	 */
	constructor(opts: {
		body: () => HTMLElement | undefined;
		onclear: () => (() => void) | undefined;
		mirrored: () => boolean;
	}) {
		this.#body = opts.body;
		this.#onclear = opts.onclear;
		this.#mirrored = opts.mirrored;
	}

	/** Keep exactly one mark in the Tab order (the last one focused, else the first). */
	settle(): void {
		const marks = this.#marks();
		const stop = marks.find((m) => m === this.#mark) ?? marks[0];
		for (const m of marks) m.setAttribute('tabindex', m === stop ? '0' : '-1');
	}

	pointerdown = (e: PointerEvent) => {
		this.#pointer = e.pointerType;
	};

	pointerover = (e: PointerEvent) => {
		if (e.pointerType === 'touch') return;
		const mark = this.#markOf(e.target);
		if (mark) this.#show(mark);
		else if (!this.#focused) this.hide();
	};

	pointerleave = () => {
		if (!this.#focused) this.hide();
	};

	/** On touch, a first tap on a mark shows its value; a second tap on it selects. */
	clickcapture = (e: MouseEvent) => {
		const mark = this.#markOf(e.target);
		if (this.#pointer !== 'touch') return;
		if (!mark) return this.hide();
		if (this.#tapped === mark && this.tip) return;
		e.stopPropagation();
		e.preventDefault();
		this.#show(mark);
		this.#tapped = mark;
	};

	focusin = (e: FocusEvent) => {
		const mark = this.#markOf(e.target);
		if (!mark) return;
		this.#focused = true;
		this.#show(mark);
		this.settle();
	};

	focusout = (e: FocusEvent) => {
		if (this.#markOf(e.relatedTarget)) return;
		this.#focused = false;
		this.hide();
	};

	keydown = (e: KeyboardEvent) => {
		if (e.key === 'Escape') {
			if (!this.tip && !this.#onclear()) return;
			this.hide();
			this.#onclear()?.();
			return;
		}
		const marks = this.#marks();
		const index = marks.indexOf(this.#markOf(e.target) as Element);
		if (index < 0) return;
		const vertical = e.key === 'ArrowUp' || e.key === 'ArrowDown';
		const boxes = vertical ? marks.map((m) => m.getBoundingClientRect()) : undefined;
		const key = this.#mirrored() ? (SWAP[e.key] ?? e.key) : e.key;
		const to = nextMarkIndex({ key, index, count: marks.length, boxes });
		if (to === null) return;
		e.preventDefault();
		(marks[to] as HTMLElement | SVGElement).focus();
	};

	hide(): void {
		this.tip = null;
		this.#tapped = null;
	}

	#marks(): Element[] {
		return [...(this.#body()?.querySelectorAll(`svg ${MARK}`) ?? [])];
	}

	#markOf(target: EventTarget | null): Element | null {
		const el = target instanceof Element ? target.closest(MARK) : null;
		return el && this.#body()?.contains(el) ? el : null;
	}

	#show(mark: Element): void {
		const body = this.#body();
		const text = mark.getAttribute('aria-label');
		if (!body || !text) return this.hide();
		this.#mark = mark;
		const b = body.getBoundingClientRect();
		const r = mark.getBoundingClientRect();
		this.tip = {
			text,
			x: r.left + r.width / 2 - b.left,
			top: r.top - b.top,
			bottom: r.bottom - b.top
		};
	}
}
