/**
 * Sector collaboration: a chord diagram of sectors co-involved in the same outcomes. A ribbon
 * between two sectors is the outcomes involving both; a sector's self-ribbon, the outcomes
 * involving it alone. Pure (rows, width) -> model with SVG path strings; no DOM.
 */
import { arc, chord, descending, ribbon, type Chord, type ChordGroup } from 'd3';
import { SECTORS } from '$lib/contract/contract';
import type { SectorPairRow } from '$lib/db/queries/dashboard';
import { estimateWidth, maxOf, round } from '../common';
import { SECTOR_COLORS } from '../palette';

/** Options of `layoutSectorCollaboration`. Sizes in px. */
export interface SectorCollaborationOptions {
	rows: readonly SectorPairRow[];
	width: number;
	/** Largest diameter of the ring (arcs included); default 420. */
	maxDiameter?: number;
}

/** A sector's arc: its share of all ribbon ends, and where its label goes. */
export interface SectorArc {
	sector: string;
	/** Sum of the sector's ribbons (a self-ribbon counts once). */
	value: number;
	color: string;
	path: string;
	/** The label's box (px from the centre), just outside the arc's middle; text centred in it. */
	label: { x: number; y: number; width: number; height: number };
}

/** A ribbon: the outcomes involving both `source` and `target` (or `source` alone if equal). */
export interface SectorRibbon {
	source: string;
	target: string;
	outcomes: number;
	color: string;
	path: string;
}

/** Everything the component draws; paths are centred on (cx, cy). */
export interface SectorCollaborationModel {
	width: number;
	height: number;
	cx: number;
	cy: number;
	arcs: SectorArc[];
	/** Pairs in canonical sector order (source before target), zero pairs left out. */
	ribbons: SectorRibbon[];
}

/** Thickness (px) of the sector arcs. */
const ARC_WIDTH = 14;

/** Sectors in canonical order, then any others in the data, in first-seen order. */
export function sectorsOf(rows: readonly SectorPairRow[]): string[] {
	const all: string[] = [...SECTORS, ...rows.flatMap((r) => [r.source, r.target])];
	return all.filter((s, i) => all.indexOf(s) === i);
}

/**
 * The symmetric sector × sector matrix the chord layout reads: [i][j] = [j][i] = outcomes
 * involving both sectors i and j; [i][i] = outcomes involving sector i alone.
 */
export function chordMatrix(opts: { rows: readonly SectorPairRow[]; sectors: readonly string[] }) {
	const { rows, sectors } = opts;
	const index = new Map(sectors.map((s, i) => [s, i]));
	const matrix = sectors.map(() => sectors.map(() => 0));
	for (const r of rows) {
		const [i, j] = [index.get(r.source), index.get(r.target)];
		if (i === undefined || j === undefined || r.outcomes <= 0) continue;
		matrix[i]![j]! += r.outcomes;
		if (i !== j) matrix[j]![i]! += r.outcomes;
	}
	return matrix;
}

/** Lays out the ring: sectors clockwise from the top in canonical order, one ribbon per pair. */
export function layoutSectorCollaboration(
	opts: SectorCollaborationOptions
): SectorCollaborationModel {
	const { rows, width, maxDiameter = 420 } = opts;
	const sectors = sectorsOf(rows);
	const matrix = chordMatrix({ rows, sectors });
	const size = Math.max(160, Math.min(width, maxDiameter));
	// Bold text, padded into a box big enough to click; the ring leaves room for the widest.
	const box = (sector: string) => [estimateWidth(sector) * 1.15 + 12, 22] as const;
	const outer = size / 2 - 4 - maxOf(sectors, (s) => box(s)[0], 22);
	const inner = outer - ARC_WIDTH;
	const [cx, cy] = [round(width / 2), round(size / 2)];
	const chords = chord().padAngle(0.04).sortSubgroups(descending)(matrix);
	const arcPath = arc<ChordGroup>().innerRadius(inner).outerRadius(outer);
	const ribbonPath = ribbon<Chord, Chord['source']>().radius(inner - 1);
	const rounded = (path: string | null | void) =>
		(path ?? '').replace(/\d+\.\d+/g, (n) => String(round(+n)));

	const arcs: SectorArc[] = chords.groups
		.filter((g) => g.value > 0)
		.map((g) => {
			const mid = (g.startAngle + g.endAngle) / 2;
			const [sin, cos] = [Math.sin(mid), -Math.cos(mid)];
			const sector = sectors[g.index]!;
			// The label box's near side faces the arc's middle.
			const [w, h] = box(sector);
			const [px, py] = [(outer + 4) * sin, (outer + 4) * cos];
			return {
				sector,
				value: g.value,
				color: SECTOR_COLORS[sector] ?? '#999999',
				path: rounded(arcPath(g)),
				label: {
					x: round(px + (sin * w) / 2 - w / 2),
					y: round(py + (cos * h) / 2 - h / 2),
					width: round(w),
					height: h
				}
			};
		});
	// d3 may swap a chord's ends; key chords by the unordered pair and name ends canonically.
	const byPair = new Map(
		chords.map((c) => [
			Math.min(c.source.index, c.target.index) * sectors.length +
				Math.max(c.source.index, c.target.index),
			c
		])
	);
	const ribbons: SectorRibbon[] = [];
	for (const [i, source] of sectors.entries()) {
		for (const [j, target] of sectors.entries()) {
			const c = byPair.get(i * sectors.length + j);
			if (j < i || !c) continue;
			ribbons.push({
				source,
				target,
				outcomes: matrix[i]![j]!,
				color: SECTOR_COLORS[source] ?? '#999999',
				path: rounded(ribbonPath(c))
			});
		}
	}
	return { width, height: size, cx, cy, arcs, ribbons };
}
