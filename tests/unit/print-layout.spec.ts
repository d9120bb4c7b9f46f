/**
 * Figures laid out for paper (issue 15, item 4): every chart's layout at the chart width of an
 * 8, 12 and 16 cm figure, with 16 themes of 60-character names (Latin and Chinese), prints no
 * text under 7 pt and puts no text outside the figure. Text boxes are read from the pure layout
 * models the way each component draws them (anchor, baseline, font size), widths estimated as
 * the layouts estimate them (bold 15% wider).
 */
import { describe, expect, test } from 'vitest';
import { estimateWidth, FONT_SIZE, wrapWhole } from '../../src/lib/charts/common';
import { layoutAttendanceBySector } from '../../src/lib/charts/attendance-by-sector/layout';
import {
	layoutMeetingsPerYear,
	TOTAL_FONT_SIZE
} from '../../src/lib/charts/meetings-per-year/layout';
import { layoutOutcomeStatusTrend } from '../../src/lib/charts/outcome-status-trend/layout';
import { layoutSectorMatrix } from '../../src/lib/charts/sector-collaboration/matrix-layout';
import {
	LABEL_LINE,
	layoutThemeSectorHeatmap
} from '../../src/lib/charts/theme-sector-heatmap/layout';
import { layoutThemeTrends, SMALL_FONT_SIZE } from '../../src/lib/charts/theme-trends/layout';
import { PARTIAL_FONT_SIZE, type YearBarsFrame } from '../../src/lib/charts/year-bars';
import {
	FIGURE_PAD,
	MIN_PRINT_PT,
	printChartWidth,
	printedPoints
} from '../../src/lib/figures/print-size';
import type { DateSpan } from '../../src/lib/charts/partial';

/** A text as drawn: anchor point (baseline), size (px), alignment. */
interface TextBox {
	text: string;
	x: number;
	y: number;
	size: number;
	anchor: 'start' | 'middle' | 'end';
	bold?: boolean;
	/** The y given is the text's middle (dy = 0.32em), not its baseline. */
	middle?: boolean;
}

const SECTORS = ['BR', 'TSB', 'BDT', 'GS'];
const YEARS = Array.from({ length: 11 }, (_, i) => 2015 + i);
/** The sample's extent: both end years are partial. */
const COVERED: DateSpan = { from: '2015-03-04', to: '2025-09-20' };

const LATIN = Array.from({ length: 16 }, (_, i) => {
	const base = `Theme ${String(i + 1).padStart(2, '0')}: international coordination of spectrum and standards`;
	return base.slice(0, 60);
});
const CHINESE = Array.from({ length: 16 }, (_, i) =>
	`第${i + 1}主题：国际电信联盟各部门之间在频谱管理标准制定和发展援助方面的协调与合作以及数字包容性和可持续城市`.slice(
		0,
		30
	)
);

const themeRows = (names: string[]) =>
	names.flatMap((theme, i) =>
		YEARS.map((year, k) => ({
			theme_id: `t${i}`,
			theme,
			year,
			outcomes: ((i * 7 + k * 3) % 23) + 1
		}))
	);
const heatRows = (names: string[]) =>
	names.flatMap((theme, i) =>
		SECTORS.map((sector, k) => ({
			theme_id: `t${i}`,
			theme,
			sector,
			outcomes: (i * 13 + k * 29) % 180
		}))
	);

/** The width (px) a box takes, and its horizontal extent. */
function extent(b: TextBox): [number, number] {
	const w = estimateWidth(b.text, b.size) * (b.bold ? 1.15 : 1);
	const x0 = b.anchor === 'start' ? b.x : b.anchor === 'end' ? b.x - w : b.x - w / 2;
	return [x0, x0 + w];
}

/** Every box inside [0, width] × [0, height] and at least 7 pt at the figure's print size. */
function expectPrintable(o: { boxes: TextBox[]; width: number; height: number; cm: number }) {
	const figureWidth = o.width + 2 * FIGURE_PAD;
	for (const b of o.boxes) {
		const pt = printedPoints({ px: b.size, figureWidth, cm: o.cm });
		expect(pt, `${b.text} at ${o.cm} cm`).toBeGreaterThanOrEqual(MIN_PRINT_PT);
		const [x0, x1] = extent(b);
		expect(x0, `left of "${b.text}" at ${o.cm} cm`).toBeGreaterThanOrEqual(-0.5);
		expect(x1, `right of "${b.text}" at ${o.cm} cm`).toBeLessThanOrEqual(o.width + 0.5);
		const top = b.middle ? b.y - b.size / 2 : b.y - b.size * 0.8;
		const bottom = b.middle ? b.y + b.size / 2 : b.y + b.size * 0.25;
		expect(top, `top of "${b.text}"`).toBeGreaterThanOrEqual(-0.5);
		expect(bottom, `bottom of "${b.text}"`).toBeLessThanOrEqual(o.height + 0.5);
	}
}

/** The texts of a bar chart by year, as YearBarAxes, Legend, PartialBars draw them. */
function yearBarTexts(m: Omit<YearBarsFrame<string>, 'x' | 'y' | 'bars' | 'totals'>): TextBox[] {
	const bottom = m.height - m.margin.bottom;
	const right = m.width - m.margin.right;
	return [
		...m.legend.map((l) => ({
			text: l.label,
			x: l.x + (l.shape === 'line' ? 28 : 18),
			y: l.y + 12,
			size: FONT_SIZE,
			anchor: 'start' as const
		})),
		...m.yTicks.map((t) => ({
			text: t.label,
			x: m.margin.left - 6,
			y: t.pos,
			size: FONT_SIZE,
			anchor: 'end' as const,
			middle: true
		})),
		...m.xTicks.map((t) => ({
			text: t.label,
			x: t.pos,
			y: bottom + 16,
			size: FONT_SIZE,
			anchor: 'middle' as const
		})),
		{ text: 'Year', x: (m.margin.left + right) / 2, y: m.height - 6, size: 12, anchor: 'middle' },
		...m.partial.map((p) => ({
			text: p.label,
			x: p.x,
			y: p.y,
			size: PARTIAL_FONT_SIZE,
			anchor: p.anchor
		}))
	];
}

const CASES = [8, 12, 16].flatMap((cm) =>
	[
		['Latin', LATIN],
		['Chinese', CHINESE]
	].map(([script, names]) => ({ cm, script: script as string, names: names as string[] }))
);

describe.each(CASES)('at $cm cm, $script names', ({ cm, names }) => {
	const width = printChartWidth(cm);

	test('meetings per year: no text under 7 pt or outside the figure; partial years labelled', () => {
		const rows = YEARS.flatMap((year) => [
			{ year, format: 'in_person' as const, meetings: 12, participants: 300 },
			{ year, format: 'virtual' as const, meetings: 5, participants: 90 }
		]);
		const m = layoutMeetingsPerYear({ rows, width, covered: COVERED });
		expect(m.partial.map((p) => p.year)).toEqual([2015, 2025]);
		const totals = m.totals.map((t) => ({
			text: t.text,
			x: t.x,
			y: t.y,
			size: TOTAL_FONT_SIZE,
			anchor: 'middle' as const
		}));
		expectPrintable({ boxes: [...yearBarTexts(m), ...totals], width, height: m.height, cm });
	});

	test('outcome status trend: the same, with the rate axis', () => {
		const statuses = ['planned', 'in_progress', 'completed', 'cancelled'] as const;
		const rows = YEARS.flatMap((year) =>
			statuses.map((status, i) => ({ year, status, outcomes: 10 + i }))
		);
		const m = layoutOutcomeStatusTrend({
			rows,
			width,
			covered: COVERED,
			label: (s) =>
				({
					planned: 'Planned',
					in_progress: 'In progress',
					completed: 'Completed',
					cancelled: 'Cancelled'
				})[s],
			rateLabel: 'Completion rate'
		});
		const rate = m.rateTicks.map((t) => ({
			text: t.label,
			x: m.width - m.margin.right + 6,
			y: t.pos,
			size: FONT_SIZE,
			anchor: 'start' as const,
			middle: true
		}));
		expectPrintable({ boxes: [...yearBarTexts(m), ...rate], width, height: m.height, cm });
	});

	test('attendance by sector: the same', () => {
		const rows = YEARS.flatMap((year) =>
			SECTORS.map((sector) => ({ year, sector, participants: 40, meetings: 3 }))
		);
		const m = layoutAttendanceBySector({ rows, width, covered: COVERED });
		expectPrintable({ boxes: yearBarTexts(m), width, height: m.height, cm });
	});

	test('theme × sector heatmap: names whole (no "…"), counts fit their cells', () => {
		const m = layoutThemeSectorHeatmap({ rows: heatRows(names), width, legendTitle: 'Outcomes' });
		expect(m.themes).toHaveLength(16);
		for (const t of m.themes) {
			expect(t.lines.join('').replace(/ /g, '')).toBe(t.name.replace(/ /g, ''));
			expect(t.lines.join(' ').includes('…')).toBe(false);
		}
		const boxes: TextBox[] = [
			...m.columns.map((c) => ({
				text: c.sector,
				x: c.x,
				y: m.top - 8,
				size: 12,
				anchor: 'middle' as const
			})),
			...m.themes.flatMap((t) =>
				t.lines.map((line, k) => ({
					text: line,
					x: m.labelX,
					y: t.y + k * LABEL_LINE,
					size: 12,
					anchor: m.anchor,
					middle: true
				}))
			),
			...m.cells.map((c) => ({
				text: String(c.outcomes),
				x: c.x + c.width / 2,
				y: c.y + c.height / 2,
				size: 12,
				anchor: 'middle' as const,
				middle: true
			}))
		];
		if (!m.labelsAbove)
			boxes.push({
				text: 'Theme',
				x: m.labelX,
				y: m.top - 8,
				size: 12,
				anchor: m.anchor,
				bold: true
			});
		expectPrintable({ boxes, width, height: m.height, cm });
		for (const c of m.cells) expect(estimateWidth(String(c.outcomes))).toBeLessThanOrEqual(c.width);
		// Names never run into the cells.
		for (const t of m.themes) {
			const cellsTop = Math.min(...m.cells.filter((c) => c.themeId === t.themeId).map((c) => c.y));
			if (m.labelsAbove)
				expect(t.y + (t.lines.length - 1) * LABEL_LINE + 6).toBeLessThanOrEqual(cellsTop);
			else
				for (const line of t.lines) expect(estimateWidth(line)).toBeLessThanOrEqual(m.labelWidth);
		}
	});

	test('theme trends: panels reflow their columns, names whole, partial years noted', () => {
		const m = layoutThemeTrends({ rows: themeRows(names), width, covered: COVERED });
		expect(m.panels).toHaveLength(16);
		// Two columns at 8 cm, three at 12 and 16 cm.
		expect(m.columns).toBe(cm === 8 ? 2 : 3);
		expect(m.hatch).not.toBe('');
		expect(m.note.lines.length).toBeGreaterThan(0);
		const boxes: TextBox[] = m.panels.flatMap((p) => [
			...p.lines.map((line, k) => ({
				text: line,
				x: p.x + m.name.x,
				y: p.y + m.name.y + k * m.name.lineHeight,
				size: 12,
				anchor: 'start' as const,
				bold: true
			})),
			...m.yearLabels.map((yl) => ({
				text: yl.text,
				x: p.x + yl.x,
				y: p.y + yl.y,
				size: SMALL_FONT_SIZE,
				anchor: yl.anchor
			})),
			{
				text: p.last.text,
				x: p.x + p.last.x + 5,
				y: p.y + p.last.y,
				size: 12,
				anchor: 'start',
				middle: true
			}
		]);
		boxes.push(
			...m.note.lines.map((line, k) => ({
				text: line,
				x: 0,
				y: m.note.y + k * m.note.lineHeight,
				size: SMALL_FONT_SIZE,
				anchor: 'start' as const
			}))
		);
		expectPrintable({ boxes, width, height: m.height, cm });
		// A name stays inside its panel.
		for (const p of m.panels)
			for (const line of p.lines)
				expect(estimateWidth(line) * 1.15).toBeLessThanOrEqual(m.cellWidth - 2 * m.name.x + 0.5);
	});

	test('sector matrix: counts in every cell, labels and note inside', () => {
		const rows = [
			{ source: 'BR', target: 'BR', outcomes: 120 },
			{ source: 'BR', target: 'TSB', outcomes: 1450 },
			{ source: 'TSB', target: 'BDT', outcomes: 37 },
			{ source: 'BDT', target: 'GS', outcomes: 9 },
			{ source: 'GS', target: 'GS', outcomes: 4 }
		];
		const note = 'Outlined diagonal: outcomes of one sector alone';
		const m = layoutSectorMatrix({ rows, width, note });
		const boxes: TextBox[] = [
			...m.rowLabels.map((l) => ({
				text: l.sector,
				x: l.x,
				y: l.y,
				size: 12,
				anchor: l.anchor,
				bold: true,
				middle: true
			})),
			...m.colLabels.map((l) => ({
				text: l.sector,
				x: l.x,
				y: l.y,
				size: 12,
				anchor: 'middle' as const,
				bold: true
			})),
			...m.cells.map((c) => ({
				text: c.text,
				x: c.x + c.size / 2,
				y: c.y + c.size / 2,
				size: 12,
				anchor: 'middle' as const,
				middle: true
			})),
			...m.note.map((line, k) => ({
				text: line,
				x: m.noteX,
				y: m.noteY + k * m.noteLine,
				size: 11,
				anchor: m.noteAnchor
			}))
		];
		expectPrintable({ boxes, width, height: m.height, cm });
		for (const c of m.cells) expect(estimateWidth(c.text)).toBeLessThanOrEqual(c.size);
	});
});

describe('sector matrix layout', () => {
	const rows = [
		{ source: 'BR', target: 'BR', outcomes: 5 },
		{ source: 'BR', target: 'TSB', outcomes: 7 },
		{ source: 'TSB', target: 'GS', outcomes: 2 },
		{ source: 'BDT', target: 'BDT', outcomes: 1 }
	];

	test('draws the lower half of the 4×4 table, the diagonal as single-sector outcomes', () => {
		const m = layoutSectorMatrix({ rows, width: 400 });
		expect(m.cells).toHaveLength(10);
		const at = (r: string, c: string) => m.cells.find((x) => x.row === r && x.col === c);
		expect(at('TSB', 'BR')!.outcomes).toBe(7);
		expect(at('BR', 'TSB')).toBeUndefined();
		expect(at('GS', 'TSB')!.outcomes).toBe(2);
		expect(at('BR', 'BR')).toMatchObject({ outcomes: 5, diagonal: true });
		expect(at('BDT', 'BDT')).toMatchObject({ outcomes: 1, diagonal: true });
		expect(at('GS', 'BR')).toMatchObject({ outcomes: 0, text: '0', diagonal: false });
		expect(m.rowLabels.map((l) => l.sector)).toEqual(SECTORS);
		expect(m.max).toBe(7);
	});

	test('mirrors for Arabic: row labels on the right, BR column rightmost', () => {
		const m = layoutSectorMatrix({ rows, width: 400, mirror: true });
		const br = m.colLabels.find((l) => l.sector === 'BR')!;
		const gs = m.colLabels.find((l) => l.sector === 'GS')!;
		expect(br.x).toBeGreaterThan(gs.x);
		expect(m.rowLabels[0]!.anchor).toBe('start');
		expect(m.rowLabels[0]!.x).toBeGreaterThan(br.x);
	});
});

describe('wrapping labels whole', () => {
	test('Latin names break at spaces onto two lines, every word kept', () => {
		const lines = wrapWhole({ text: LATIN[0]!, maxChars: 36 });
		expect(lines).toHaveLength(2);
		expect(lines.join(' ')).toBe(LATIN[0]);
		for (const l of lines) expect(l.length).toBeLessThanOrEqual(36);
	});

	test('a word wider than the line is split with a hyphen, never dropped or shortened', () => {
		expect(wrapWhole({ text: 'Emergency Telecommunications', maxChars: 10 })).toEqual([
			'Emergency',
			'Telecommu-',
			'nications'
		]);
		expect(wrapWhole({ text: 'Multilingualism', maxChars: 14 })).toEqual(['Multilingual-', 'ism']);
	});

	test('Chinese, without spaces, breaks at word boundaries (Intl.Segmenter) and is never cut short', () => {
		const text = '国际电信联盟各部门之间的协调与合作';
		const lines = wrapWhole({ text, maxChars: 16 });
		expect(lines.length).toBeGreaterThanOrEqual(2);
		expect(lines.join('')).toBe(text);
		expect(lines.join('').includes('…')).toBe(false);
		// Wide glyphs count two: 16 widths hold at most 8 characters.
		for (const l of lines) expect(l.length).toBeLessThanOrEqual(8);
		// A break falls between words, not inside one (联盟, 部门, 协调, 合作 stay whole).
		for (const word of ['联盟', '部门', '协调', '合作'])
			expect(lines.some((l) => l.includes(word))).toBe(true);
	});
});
