import { expect, test } from 'vitest';
import { ROW_HEIGHT, visibleRows } from '../../src/lib/workspace/grid';

test('of 100,000 rows the grid renders only those in view, plus a few either side', () => {
	const top = visibleRows({ scrollTop: 0, viewportHeight: 400, rowCount: 100_000 });
	expect(top.start).toBe(0);
	expect(top.end - top.start).toBeLessThan(40);
	const middle = visibleRows({
		scrollTop: 50_000 * ROW_HEIGHT,
		viewportHeight: 400,
		rowCount: 100_000
	});
	expect(middle.start).toBeLessThanOrEqual(50_000);
	expect(middle.end).toBeGreaterThanOrEqual(50_000 + Math.ceil(400 / ROW_HEIGHT));
	expect(middle.end - middle.start).toBeLessThan(40);
});

test('scrolled to the bottom, the last row is rendered and nothing past it', () => {
	const r = visibleRows({
		scrollTop: 100_000 * ROW_HEIGHT - 400,
		viewportHeight: 400,
		rowCount: 100_000
	});
	expect(r.end).toBe(100_000);
});

test('a short result renders every row; an empty one none', () => {
	expect(visibleRows({ scrollTop: 0, viewportHeight: 400, rowCount: 3 })).toEqual({
		start: 0,
		end: 3
	});
	expect(visibleRows({ scrollTop: 0, viewportHeight: 400, rowCount: 0 })).toEqual({
		start: 0,
		end: 0
	});
});
