/**
 * One chart in all six languages as one zip: per language the standalone SVG and the print PNG,
 * file names ending in the language code (`…-ar.svg`, `…-16cm-300dpi-ar.png`). Browser only.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { LOCALES } from '$lib/i18n';
import type { FigureContext } from './figure-context';
import { buildFigure, figurePng, fileName, type FigureSource } from './figure';
import { cmPart } from './names';
import type { FigureText } from './figure-text';

/**
 * The zip of the chart in every language, laid out for `cm` (PNGs at 300 dpi), and its file name;
 * `mirrorTime`: the Arabic figure's years run right to left.
 */
export async function figureZip(
	src: FigureSource,
	ctx: FigureContext,
	cm: number,
	o: { text?: FigureText; mirrorTime?: boolean } = {}
): Promise<{ name: string; blob: Blob }> {
	const files: Zippable = {};
	let name = '';
	for (const locale of LOCALES) {
		const f = await buildFigure(src, ctx, { locale, cm, ...o });
		name ||= fileName(f, 'zip', 'languages');
		files[fileName(f, 'svg', locale)] = strToU8(f.svg);
		const png = await figurePng(f, { cm });
		// PNG is compressed already: stored, not deflated again.
		files[fileName(f, 'png', `${cmPart(cm)}-300dpi-${locale}`)] = [
			new Uint8Array(await png.blob.arrayBuffer()),
			{ level: 0 }
		];
	}
	return { name, blob: new Blob([zipSync(files) as BlobPart], { type: 'application/zip' }) };
}
