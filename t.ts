import { readFileSync } from 'node:fs';
import { setFrontmatterFields } from './src/lib/frontmatter.ts';
const src = readFileSync('tests/fixtures/workflow/content/policies/petty-cash/1.1.md', 'utf8');
console.log(setFrontmatterFields(src, [['status', 'active'], ['effective', '2027-01-01'], ['foo', 'a: b'], ['bar', 'x']]));
const g = readFileSync('tests/fixtures/workflow/content/policies/gifts/1.0.md', 'utf8');
console.log(setFrontmatterFields(g, [['status', 'withdrawn'], ['withdrawn', '2027-01-01'], ['replacedBy', 'expenses']]));
console.log(JSON.stringify(setFrontmatterFields(g.replace(/\n/g, '\r\n'), [['status', 'withdrawn'], ['withdrawn', '2027-01-01']]).slice(0, 400)));
