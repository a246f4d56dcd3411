import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fetchedUrls, measureSite } from '../../scripts/lib/measure.ts';
import { runSampled } from '../../scripts/lib/process-tree.ts';

describe('the budget script', () => {
  it('finds what a page fetches by itself, not the links a visitor may click', () => {
    const html = '<link rel="stylesheet" href="https://fonts.example/css"><link rel="canonical" href="https://status.example.com/"><img src="//cdn.example/x.png" srcset="/a.png 1x, https://cdn.example/b.png 2x"><a href="https://help.example">help</a><div style="background:url(https://img.example/bg.png)"></div><script src="/_astro/a.js"></script>';
    expect(fetchedUrls(html)).toEqual(['https://fonts.example/css', '//cdn.example/x.png', '/a.png', 'https://cdn.example/b.png', 'https://img.example/bg.png', '/_astro/a.js']);
  });

  it('sums the home page with its CSS and reports every foreign request', () => {
    const dist = mkdtempSync(join(tmpdir(), 'candor-measure-'));
    mkdirSync(join(dist, '_astro'));
    writeFileSync(join(dist, '_astro', 'site.css'), 'body{color:red}'.repeat(50));
    writeFileSync(join(dist, 'index.html'), '<link rel="stylesheet" href="/status/_astro/site.css"><p>hi</p>');
    mkdirSync(join(dist, 'about'));
    writeFileSync(join(dist, 'about', 'index.html'), '<script src="https://analytics.example/a.js"></script>');
    writeFileSync(join(dist, '_astro', 'x.css'), '@import "https://fonts.example/a.css";');
    const report = measureSite(dist);
    expect(report.home.files.map((f) => f.path)).toEqual(['index.html', '_astro/site.css']);
    expect(report.home.total).toBe(report.home.files[0]!.gzip + report.home.files[1]!.gzip);
    expect(report.foreign).toEqual([
      { file: '_astro/x.css', url: 'https://fonts.example/a.css' },
      { file: 'about/index.html', url: 'https://analytics.example/a.js' },
    ]);
  });
});

describe('the benchmark memory figure', () => {
  // The tree is read from /proc: Linux only.
  it.skipIf(!existsSync('/proc/self/status'))("counts a build's child processes, not only the build itself", async () => {
    // A parent that holds little, with a child that holds about 300 MB for a second.
    const child = `Buffer.alloc(300e6, 1); setTimeout(() => {}, 1500)`;
    const parent = `require('node:child_process').spawnSync(process.execPath, ['-e', ${JSON.stringify(child)}], { stdio: 'inherit' })`;
    const r = await runSampled(process.execPath, ['-e', parent], {}, 100);
    expect(r.status).toBe(0);
    // The parent alone holds about 50 MB; a sample may catch the child's 293,000 KiB not yet all resident.
    expect(r.treePeakKiB).toBeGreaterThan(200_000);
  });
});
