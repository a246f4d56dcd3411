// The build benchmark: npm run bench [-- --sizes 100,1000,10000 --runs 3]
// Generates N incidents into a scratch folder, builds each size `runs` times from clean, and reports the
// medians: wall time, peak memory, output files and bytes, the home page's transfer size and the
// largest page. Prints a table and writes bench/results.json.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { generateProject } from './lib/generate.ts';
import { measureSite } from './lib/measure.ts';
import { runSampled } from './lib/process-tree.ts';

const ROOT = join(import.meta.dirname, '..');
const NOW = '2026-11-24T12:00Z';
const { values } = parseArgs({ options: { sizes: { type: 'string', default: '100,1000,10000' }, runs: { type: 'string', default: '3' }, out: { type: 'string', default: join(ROOT, 'bench', '.out') } } });
const sizes = values.sizes.split(',').map(Number);
const runs = Number(values.runs);

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : [join(dir, d.name)]));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Row {
  incidents: number;
  buildSeconds: number;
  buildSecondsRuns: number[];
  peakRssMiB: number;
  peakRssMiBRuns: number[];
  files: number;
  outputMiB: number;
  homeGzipKiB: number;
  largestPage: string;
  largestPageGzipKiB: number;
}

const rows: Row[] = [];
for (const n of sizes) {
  const project = join(values.out, `project-${n}`);
  generateProject(project, n, new Date(NOW));
  const walls: number[] = [];
  const rss: number[] = [];
  const outDir = join(values.out, `dist-${n}`);
  for (let k = 0; k < runs; k++) {
    rmSync(outDir, { recursive: true, force: true });
    const rssFile = join(values.out, `rss-${n}.txt`);
    const started = performance.now();
    const r = await runSampled(process.execPath, ['--import', join(ROOT, 'scripts/lib/report-rss.ts'), join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir], {
      cwd: ROOT,
      env: { ...process.env, CANDOR_ROOT: project, CANDOR_NOW: NOW, CANDOR_RSS_FILE: rssFile, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    walls.push((performance.now() - started) / 1000);
    if (r.status !== 0) throw new Error(`build of ${n} incidents failed:\n${r.output}`);
    // The build's own exact peak, or the sampled peak of its whole tree (esbuild too) when higher.
    rss.push(Math.max(Number(readFileSync(rssFile, 'utf8')), r.treePeakKiB) / 1024);
    process.stderr.write(`  ${n} incidents, run ${k + 1}: ${walls.at(-1)!.toFixed(1)} s, ${rss.at(-1)!.toFixed(0)} MiB\n`);
  }
  const all = files(outDir);
  let largest = { path: '', gzip: 0 };
  for (const f of all) {
    if (!f.endsWith('.html')) continue;
    const gz = gzipSync(readFileSync(f)).length;
    if (gz > largest.gzip) largest = { path: relative(outDir, f), gzip: gz };
  }
  rows.push({
    incidents: n,
    buildSeconds: Math.round(median(walls) * 10) / 10,
    buildSecondsRuns: walls.map((w) => Math.round(w * 10) / 10),
    peakRssMiB: Math.round(median(rss)),
    peakRssMiBRuns: rss.map((r) => Math.round(r)),
    files: all.length,
    outputMiB: Math.round((all.reduce((s, f) => s + statSync(f).size, 0) / 1024 / 1024) * 10) / 10,
    homeGzipKiB: Math.round((measureSite(outDir).home.total / 1024) * 10) / 10,
    largestPage: largest.path,
    largestPageGzipKiB: Math.round((largest.gzip / 1024) * 10) / 10,
  });
}

const header = ['incidents', 'build (median)', 'peak RSS', 'files', 'output', 'home (gzip)', 'largest page (gzip)'];
const table = [header, ...rows.map((r) => [String(r.incidents), `${r.buildSeconds.toFixed(1)} s`, `${r.peakRssMiB} MiB`, String(r.files), `${r.outputMiB} MiB`, `${r.homeGzipKiB} KiB`, `${r.largestPageGzipKiB} KiB (${r.largestPage})`])];
const widths = header.map((_, c) => Math.max(...table.map((row) => row[c]!.length)));
console.log(table.map((row) => row.map((cell, c) => cell.padEnd(widths[c]!)).join('  ')).join('\n'));
mkdirSync(join(ROOT, 'bench'), { recursive: true });
writeFileSync(join(ROOT, 'bench', 'results.json'), `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: (await import('node:os')).cpus().length, runs, rows }, null, 2)}\n`);
