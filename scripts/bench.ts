// The build benchmark: npm run bench [-- --sizes 100,1000,10000 --runs 3]
// Generates N incidents into a scratch folder and builds each size `runs` times from clean, each build
// just after one of an empty Astro project (one page, the same Astro) as the baseline, and reports the
// medians: wall time and its overhead over the empty project (the median of each pair's difference),
// peak memory, output files and bytes, the home page's transfer size and the largest page; and, after
// each, a build of Astro alone with as many trivial pages as Candor's site has, which is the
// framework's own share of the overhead. Prints a table and writes bench/results.json.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateProject } from './lib/generate.ts';
import { measureSite } from './lib/measure.ts';
import { runSampled } from './lib/process-tree.ts';

const ROOT = join(import.meta.dirname, '..');
const NOW = '2026-11-24T12:00Z';
/** The generated history's seed. */
const SEED = 42;
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,1000,10000' },
    runs: { type: 'string', default: '3' },
    out: { type: 'string', default: join(ROOT, 'bench', '.out') },
    // A busy history: entries a day, and ongoing incidents (the page-size budgets hold at any density).
    'per-day': { type: 'string', default: '2' },
    open: { type: 'string', default: '1' },
  },
});
const density = { perDay: Number(values['per-day']), open: Number(values.open) };
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
  /** Median over the empty project's build just before each of these. */
  overSeconds: number;
  /** HTML pages of Candor's site. */
  pages: number;
  /** Astro alone building as many trivial pages, just after each of Candor's builds (median, then each). */
  samePagesSeconds: number;
  samePagesSecondsRuns: number[];
  peakRssMiB: number;
  peakRssMiBRuns: number[];
  files: number;
  outputMiB: number;
  homeGzipKiB: number;
  largestPage: string;
  largestPageGzipKiB: number;
}

const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');

/** Runs one build, sampled: wall seconds and peak memory of the whole process tree (MiB). */
async function timedBuild(args: string[], cwd: string, env: Record<string, string>, rssFile: string) {
  rmSync(rssFile, { force: true });
  const started = performance.now();
  const r = await runSampled(process.execPath, ['--import', join(ROOT, 'scripts/lib/report-rss.ts'), ASTRO, 'build', ...args], {
    cwd,
    env: { ...process.env, ...env, CANDOR_RSS_FILE: rssFile, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`build failed (${cwd}):\n${r.output}`);
  // The build's own exact peak, or the sampled peak of its whole tree (esbuild too) when higher.
  return { seconds, rssMiB: Math.max(Number(readFileSync(rssFile, 'utf8')), r.treePeakKiB) / 1024 };
}

/**
 * The machine's speed in this run: seconds for a fixed loop in a fresh process (lower is faster). A
 * shared virtual machine can run a third slower one hour than the next; this says which hour it was.
 */
function referenceSeconds(): number {
  const loop = 'let x = 0; for (let i = 0; i < 2e8; i++) x += i % 7; if (x < 0) console.log(x);';
  const started = performance.now();
  execFileSync(process.execPath, ['-e', loop]);
  return Math.round((performance.now() - started) / 100) / 10;
}
const reference = referenceSeconds();
process.stderr.write(`  reference loop: ${reference.toFixed(1)} s\n`);

/**
 * A project of Astro alone, made afresh in `dir`. Its node_modules links each of Candor's packages, so
 * it finds the same Astro wherever `--out` puts it, and holds its own caches (Vite's and Astro's), as
 * any project's does: in one node_modules shared with Candor and each other, each build found the
 * record of another and bundled Vite's dependencies again.
 */
function astroProject(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'src', 'pages'), { recursive: true });
  mkdirSync(join(dir, 'node_modules'));
  for (const name of readdirSync(join(ROOT, 'node_modules'))) {
    if (!name.startsWith('.')) symlinkSync(join(ROOT, 'node_modules', name), join(dir, 'node_modules', name), 'dir');
  }
}

// The baseline: what Astro itself costs for one page on this machine, in the same run.
const empty = join(values.out, 'empty-astro');
astroProject(empty);
writeFileSync(join(empty, 'astro.config.mjs'), 'export default {};\n');
writeFileSync(join(empty, 'src', 'pages', 'index.astro'), '<html lang="en"><head><title>Empty</title></head><body><h1>Empty</h1></body></html>\n');
// Built once untimed first: a project's first build after it is written makes its types and caches,
// which no later build (and none of Candor's, whose caches stay) pays again.
await timedBuild([], empty, {}, join(values.out, 'rss-empty.txt'));
const baselineRuns: { seconds: number; rssMiB: number }[] = [];
/** One build of the empty project, just before each of Candor's: a machine whose speed drifts during the run slows both alike. */
async function emptyBuild(): Promise<number> {
  rmSync(join(empty, 'dist'), { recursive: true, force: true });
  baselineRuns.push(await timedBuild([], empty, {}, join(values.out, 'rss-empty.txt')));
  process.stderr.write(`  empty Astro project: ${baselineRuns.at(-1)!.seconds.toFixed(1)} s, ${baselineRuns.at(-1)!.rssMiB.toFixed(0)} MiB\n`);
  return baselineRuns.at(-1)!.seconds;
}

/**
 * A project of Astro alone with `pages` trivial pages, each in a folder of its own and eight rendered at
 * a time as Candor's are: what the framework itself costs for a site of that many pages.
 */
function samePagesProject(pages: number): string {
  const dir = join(values.out, `astro-${pages}-pages`);
  astroProject(dir);
  mkdirSync(join(dir, 'src', 'pages', 'page'));
  writeFileSync(join(dir, 'astro.config.mjs'), "export default { trailingSlash: 'always', build: { format: 'directory', concurrency: 8 } };\n");
  const route = `---\nexport const getStaticPaths = () => Array.from({ length: ${pages} }, (_, k) => ({ params: { k: String(k) } }));\nconst { k } = Astro.params;\n---\n<html lang="en"><head><title>Page {k}</title></head><body><h1>Page {k}</h1></body></html>\n`;
  writeFileSync(join(dir, 'src', 'pages', 'page', '[k].astro'), route);
  return dir;
}

/**
 * Waits for the disk to finish with the files of the previous run and of the generated history:
 * writing or removing 20,000 files returns before the file system has written (and, where it trims,
 * discarded) them, and that work would slow the next build, which on a fresh checkout never meets it.
 */
function settle(): void {
  execFileSync('sync');
}

// Nothing is removed between builds. On a disk that discards the blocks of removed files (this
// machine's), builds right after thousands of files were removed grew slower one after the other: four
// 10,000-incident builds, each after the previous one's output was removed, spent 4.5 s, 9.8 s, 11.9 s
// and 14.5 s in the kernel (24 s to 35 s in all), and builds with nothing removed before them 3 s to
// 5 s. A build in a clean checkout never meets that, so every build writes to a folder of its own,
// removed once all are measured, and a project is generated again only when it would differ (the
// empty project's one page is all that is removed before a build).
function removeOutDirs(): void {
  for (const old of readdirSync(values.out)) if (old.startsWith('dist-')) rmSync(join(values.out, old), { recursive: true, force: true });
}

/** The generated project of `n` incidents, made unless the folder holds it already (same size, density, clock and generator). */
function project(n: number): string {
  const root = join(values.out, `project-${n}`);
  const made = JSON.stringify({ n, now: NOW, seed: SEED, density, generator: createHash('sha256').update(readFileSync(join(ROOT, 'scripts/lib/generate.ts'))).digest('hex') });
  const record = join(root, '.generated.json');
  if (!existsSync(record) || readFileSync(record, 'utf8') !== made) {
    generateProject(root, n, new Date(NOW), SEED, density);
    writeFileSync(record, made);
  }
  return root;
}

const projects = new Map(sizes.map((n) => [n, project(n)]));
// What an earlier run left, removed before any build is timed.
removeOutDirs();
settle();

const rows: Row[] = [];
for (const n of sizes) {
  const project = projects.get(n)!;
  const walls: number[] = [];
  const overheads: number[] = [];
  const rss: number[] = [];
  const samePages: number[] = [];
  let outDir = '';
  let pages = 0;
  let samePagesRoot = '';
  for (let k = 0; k < runs; k++) {
    outDir = join(values.out, `dist-${n}-${k + 1}`);
    settle();
    const before = await emptyBuild();
    const r = await timedBuild(['--outDir', outDir], ROOT, { CANDOR_ROOT: project, CANDOR_NOW: NOW }, join(values.out, `rss-${n}.txt`));
    walls.push(r.seconds);
    overheads.push(r.seconds - before);
    rss.push(r.rssMiB);
    process.stderr.write(`  ${n} incidents, run ${k + 1}: ${walls.at(-1)!.toFixed(1)} s, ${rss.at(-1)!.toFixed(0)} MiB\n`);
    if (k === 0) {
      pages = files(outDir).filter((f) => f.endsWith('.html')).length;
      samePagesRoot = samePagesProject(pages);
    }
    settle();
    samePages.push((await timedBuild(['--outDir', join(values.out, `dist-pages-${n}-${k + 1}`)], samePagesRoot, {}, join(values.out, 'rss-pages.txt'))).seconds);
    process.stderr.write(`  Astro alone, ${pages} trivial pages: ${samePages.at(-1)!.toFixed(1)} s\n`);
  }
  rmSync(samePagesRoot, { recursive: true, force: true });
  const all = files(outDir);
  const measured = measureSite(outDir);
  const largest = measured.largest;
  rows.push({
    incidents: n,
    buildSeconds: Math.round(median(walls) * 10) / 10,
    buildSecondsRuns: walls.map((w) => Math.round(w * 10) / 10),
    overSeconds: Math.round(median(overheads) * 10) / 10,
    pages,
    samePagesSeconds: Math.round(median(samePages) * 10) / 10,
    samePagesSecondsRuns: samePages.map((w) => Math.round(w * 10) / 10),
    peakRssMiB: Math.round(median(rss)),
    peakRssMiBRuns: rss.map((r) => Math.round(r)),
    files: all.length,
    outputMiB: Math.round((all.reduce((s, f) => s + statSync(f).size, 0) / 1024 / 1024) * 10) / 10,
    homeGzipKiB: Math.round((measured.home.total / 1024) * 10) / 10,
    largestPage: largest.path,
    largestPageGzipKiB: Math.round((largest.gzip / 1024) * 10) / 10,
  });
}

const baseline = { buildSeconds: Math.round(median(baselineRuns.map((r) => r.seconds)) * 10) / 10, peakRssMiB: Math.round(median(baselineRuns.map((r) => r.rssMiB))) };
const header = ['incidents', 'build (median)', 'over empty Astro', 'Astro alone, as many pages', 'peak RSS', 'files', 'output', 'home (gzip)', 'largest page (gzip)'];
const table = [
  header,
  ['empty Astro', `${baseline.buildSeconds.toFixed(1)} s`, '', '', `${baseline.peakRssMiB} MiB`, '1', '', '', ''],
  ...rows.map((r) => [String(r.incidents), `${r.buildSeconds.toFixed(1)} s`, `+${r.overSeconds.toFixed(1)} s`, `${r.samePagesSeconds.toFixed(1)} s (${r.pages} pages)`, `${r.peakRssMiB} MiB`, String(r.files), `${r.outputMiB} MiB`, `${r.homeGzipKiB} KiB`, `${r.largestPageGzipKiB} KiB (${r.largestPage})`]),
];
const widths = header.map((_, c) => Math.max(...table.map((row) => row[c]!.length)));
console.log(table.map((row) => row.map((cell, c) => cell.padEnd(widths[c]!)).join('  ')).join('\n'));
// Timed again at the end, before the outputs are removed: a machine that slowed during the run says so.
const referenceEnd = referenceSeconds();
removeOutDirs();
console.log(`Machine speed: the reference loop ran in ${reference.toFixed(1)} s at the start and ${referenceEnd.toFixed(1)} s at the end (lower is faster: the times above grow with it).`);
mkdirSync(join(ROOT, 'bench'), { recursive: true });
const os = await import('node:os');
writeFileSync(join(ROOT, 'bench', 'results.json'), `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), referenceSeconds: reference, referenceSecondsEnd: referenceEnd, runs, density, baseline, rows }, null, 2)}\n`);
