// Screenshots of a built site for the README: node scripts/screenshot.ts <dist> <out-dir> [path ...]
// With CANDOR_NOW set (the time the site was built as of), the browser's clock shows that time too.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { now } from '../src/core/time.ts';
import { launchBrowser } from './lib/browser.ts';
import { serve } from './lib/server.ts';

const [dist = 'dist', out = 'docs/screenshots', ...pages] = process.argv.slice(2);
const targets = pages.length ? pages : ['/'];
mkdirSync(out, { recursive: true });
const server = await serve(dist);
const browser = await launchBrowser();
try {
  for (const [k, path] of targets.entries()) {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, colorScheme: scheme, timezoneId: 'UTC' });
      if (process.env['CANDOR_NOW']) await page.clock.setFixedTime(now(process.env));
      await page.goto(new URL(path.replace(/^\//, ''), server.url).toString());
      const name = `${path === '/' ? 'home' : path.replace(/^\/|\/$/g, '').replace(/\//g, '-')}-${scheme}.png`;
      await page.screenshot({ path: join(out, name), fullPage: k >= 0 && process.env['FULL'] === '1' });
      console.log(join(out, name));
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
