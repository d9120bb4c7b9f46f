import { describe, expect, test } from 'vitest';
import { csvCell } from '../../src/lib/export/csv';

describe('CSV cells a spreadsheet could run', () => {
	test('a list whose joined text starts a formula is neutralised like any text', () => {
		expect(csvCell(['=HYPERLINK("http://x")', 'BR'])).toBe(`"'=HYPERLINK(""http://x"");BR"`);
		expect(csvCell(['+1', '2'])).toBe(`"'+1;2"`);
		expect(csvCell(['@SUM(A1)'])).toBe(`'@SUM(A1)`);
	});

	test('text and other values are judged by their final text; true numbers keep their minus', () => {
		expect(csvCell('=1+1')).toBe(`'=1+1`);
		expect(csvCell({ toString: () => '-2+3' })).toBe(`'-2+3`);
		expect(csvCell(-5)).toBe('-5');
		expect(csvCell(-5n)).toBe('-5');
		expect(csvCell(['BR', 'TSB'])).toBe('"BR;TSB"');
	});
});
