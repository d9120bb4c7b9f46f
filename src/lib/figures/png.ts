/**
 * PNG renditions of a figure's SVG: drawn on a white canvas at a chosen pixel width, then given a
 * pHYs chunk so Word and LibreOffice insert the picture at its intended physical size (16 cm at
 * 300 dpi stays 16 cm). The byte helpers are pure; `rasterize` needs a browser.
 */

/** Pixel width of a print PNG: `cm` at `dpi` (16 cm at 300 dpi is 1890 px). */
export function printWidthPx(cm: number, dpi = 300): number {
	return Math.round((cm / 2.54) * dpi);
}

let crcTable: Uint32Array | null = null;

/** CRC-32 (ISO 3309, as PNG chunks use) of `bytes`. */
export function crc32(bytes: Uint8Array): number {
	crcTable ??= Uint32Array.from({ length: 256 }, (_, n) => {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		return c >>> 0;
	});
	let crc = 0xffffffff;
	for (const b of bytes) crc = crcTable[(crc ^ b) & 0xff]! ^ (crc >>> 8);
	return (crc ^ 0xffffffff) >>> 0;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Whether `bytes` start with the PNG signature and an IHDR chunk. */
export function isPng(bytes: Uint8Array): boolean {
	return (
		bytes.length > 33 &&
		SIGNATURE.every((b, i) => bytes[i] === b) &&
		String.fromCharCode(...bytes.subarray(12, 16)) === 'IHDR'
	);
}

/**
 * `png` with a pHYs chunk of `dpi` (pixels per metre, rounded) right after IHDR, replacing any
 * pHYs it had. Throws on bytes that are not a PNG.
 */
export function withPngDpi(png: Uint8Array, dpi: number): Uint8Array {
	if (!isPng(png)) throw new Error('not a PNG');
	const ppm = Math.round(dpi / 0.0254);
	const chunk = new Uint8Array(21);
	const view = new DataView(chunk.buffer);
	view.setUint32(0, 9);
	chunk.set([0x70, 0x48, 0x59, 0x73], 4); // "pHYs"
	view.setUint32(8, ppm);
	view.setUint32(12, ppm);
	chunk[16] = 1; // unit: metre
	view.setUint32(17, crc32(chunk.subarray(4, 17)));
	const parts: Uint8Array[] = [png.subarray(0, 33), chunk];
	// Copy every other chunk, dropping an existing pHYs.
	for (let at = 33; at + 12 <= png.length;) {
		const len = new DataView(png.buffer, png.byteOffset + at).getUint32(0);
		const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
		if (type !== 'pHYs') parts.push(png.subarray(at, at + 12 + len));
		at += 12 + len;
	}
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	return out;
}

/**
 * The PNG of an SVG document drawn `width` px wide (height in proportion) on white, tagged `dpi`.
 * Browser only: the SVG is decoded as an image, so it can reference nothing outside itself.
 */
export async function rasterize(o: {
	svg: string;
	svgWidth: number;
	svgHeight: number;
	width: number;
	dpi: number;
}): Promise<Blob> {
	const url = URL.createObjectURL(new Blob([o.svg], { type: 'image/svg+xml' }));
	try {
		const img = new Image();
		img.src = url;
		await img.decode();
		const canvas = document.createElement('canvas');
		canvas.width = Math.round(o.width);
		canvas.height = Math.round((o.width * o.svgHeight) / o.svgWidth);
		const ctx = canvas.getContext('2d');
		if (!ctx) throw new Error('no 2D canvas');
		ctx.fillStyle = '#ffffff';
		ctx.fillRect(0, 0, canvas.width, canvas.height);
		ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
		const blob = await new Promise<Blob | null>((r) => canvas.toBlob(r, 'image/png'));
		if (!blob) throw new Error('the canvas gave no PNG');
		const png = withPngDpi(new Uint8Array(await blob.arrayBuffer()), o.dpi);
		return new Blob([png as BlobPart], { type: 'image/png' });
	} finally {
		URL.revokeObjectURL(url);
	}
}
