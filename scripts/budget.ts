// Size and privacy budgets of a built site: node scripts/budget.ts [dist]
// Exits 1 when the home page or any page is over budget, or any page asks another origin for anything.
import { HOME_BUDGET_BYTES, measureSite, PAGE_BUDGET_BYTES } from './lib/measure.ts';

const dist = process.argv[2] ?? 'dist';
const report = measureSite(dist);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
console.log(`Home page transfer (gzip): ${kb(report.home.total)} of ${kb(HOME_BUDGET_BYTES)}`);
for (const f of report.home.files) console.log(`  ${f.path.padEnd(40)} ${kb(f.gzip).padStart(9)}  (${kb(f.raw)} raw)`);
console.log(`Largest page (gzip): ${kb(report.largest.gzip)} of ${kb(PAGE_BUDGET_BYTES)} (${report.largest.path})`);
console.log(`Requests to other origins: ${report.foreign.length}`);
for (const f of report.foreign) console.log(`  ${f.file}: ${f.url}`);
process.exitCode = report.home.total <= HOME_BUDGET_BYTES && report.largest.gzip <= PAGE_BUDGET_BYTES && report.foreign.length === 0 ? 0 : 1;
