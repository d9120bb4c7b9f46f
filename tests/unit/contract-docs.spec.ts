import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { contractMarkdown } from '../../src/lib/contract/docs';

const DOC = new URL('../../docs/data-contract.md', import.meta.url);

test('docs/data-contract.md matches the contract module (UPDATE_DOCS=1 rewrites it)', () => {
	if (process.env.UPDATE_DOCS) writeFileSync(DOC, contractMarkdown());
	expect(readFileSync(DOC, 'utf8')).toBe(contractMarkdown());
});
