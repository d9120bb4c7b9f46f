/**
 * Pseudo-locales for layout tests, made from the English messages as they are looked up: `long`
 * (accented, every word ~40 % longer, in brackets: `[Ŝĥôôŵ ðååţåå]`) finds text cut off or
 * pushing its container; `bidi` (every word a right-to-left override on a right-to-left page)
 * finds layout that assumes left to right. Only a build with `VITE_PSEUDO_LOCALES=1` uses them:
 * the callers test `import.meta.env.VITE_PSEUDO_LOCALES` in place, so the shipped build folds
 * the test to false and drops this module (tests/e2e/i18n-layout.e2e.ts checks).
 */

/** A pseudo-locale: `long` (accented, +40 %) or `bidi` (right to left). */
export type Pseudo = 'long' | 'bidi';

/** `true` for a pseudo-locale name. */
export function isPseudo(v: unknown): v is Pseudo {
	return v === 'long' || v === 'bidi';
}

const PLAIN = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ACCENTED = 'åƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ';
let accent: Map<string, string> | undefined;
/** The accented form of an ASCII letter (the table is made on first use). */
const accented = (c: string) =>
	(accent ??= new Map([...PLAIN].map((p, i) => [p, [...ACCENTED][i]!]))).get(c);
const VOWEL = /[aeiouyAEIOUY]/;

/** Share of a word's length added to it in the long pseudo-locale. */
export const EXPANSION = 0.4;

/** One word accented and lengthened by `EXPANSION` (vowels doubled, else the last letter). */
function longWord(word: string): string {
	let budget = Math.ceil(word.length * EXPANSION);
	const chars = [...word];
	const vowels = chars.filter((c) => VOWEL.test(c)).length;
	const perVowel = vowels ? Math.ceil(budget / vowels) : 0;
	let out = '';
	for (const c of chars) {
		const a = accented(c) ?? c;
		const extra = VOWEL.test(c) ? Math.min(perVowel, budget) : 0;
		budget -= extra;
		out += a.repeat(1 + extra);
	}
	return out + (accented(chars.at(-1) ?? '') ?? '').repeat(budget);
}

/** Text outside placeholders, in the long pseudo-locale. */
export function pseudoLong(text: string): string {
	return text.replace(/[A-Za-z]+/g, longWord);
}

/** Right-to-left override … pop directional formatting (UAX #9). */
const [RLO, PDF, RLM] = ['\u202e', '\u202c', '\u200f'];

/** Text outside placeholders, in the bidi pseudo-locale: each word drawn right to left. */
export function pseudoBidi(text: string): string {
	return text.replace(/[A-Za-z]+/g, (w) => `${RLO}${w}${PDF}`);
}

/** Private-use marks around a placeholder's index while the message is transformed. */
const [OPEN, CLOSE] = ['\ue000', '\ue001'];

/**
 * A message in a pseudo-locale: `render` fills the English message with marks in place of the
 * values, the text around them is transformed, then the values go in unchanged (a file name, a
 * number or a code stays readable), and the whole is bracketed (`long`) or marked RTL (`bidi`).
 */
export function pseudoMessage(
	pseudo: Pseudo,
	params: Record<string, string>,
	render: (marks: Record<string, string>) => string
): string {
	const keys = Object.keys(params);
	const marks = Object.fromEntries(keys.map((k, i) => [k, `${OPEN}${i}${CLOSE}`]));
	const transform = pseudo === 'long' ? pseudoLong : pseudoBidi;
	let [before, after] = [0, 0];
	const text = render(marks)
		.split(new RegExp(`(${OPEN}\\d+${CLOSE})`))
		.map((part, i) => {
			if (i % 2) return params[keys[Number(part.slice(1, -1))]!]!;
			const out = transform(part);
			[before, after] = [before + part.length, after + out.length];
			return out;
		})
		.join('');
	if (pseudo === 'bidi') return `${RLM}${text}${RLM}`;
	// Digits and punctuation do not lengthen: pad to +40 % of the message's own text.
	const pad = Math.max(0, Math.ceil(before * (1 + EXPANSION)) - after - 2);
	const dots = pad > 1 ? ` ${'·'.repeat(pad - 1)}` : '·'.repeat(pad);
	return `[${text}${dots}]`;
}
