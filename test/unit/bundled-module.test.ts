import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledModule, candorSide, PAGES_MODULE, pagesSide, parsingThread } from '../../src/core/bundled-module.mjs';

const dir = mkdtempSync(join(tmpdir(), 'candor-bundle-'));
const name = `candor-bundle-test-${process.pid}`;
const cache = fileURLToPath(new URL('../../node_modules/.cache/candor/', import.meta.url));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  for (const entry of readdirSync(cache)) if (entry.startsWith(name)) rmSync(join(cache, entry), { recursive: true, force: true });
});

function run(script: URL): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script);
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

/** Dates a bundle's folder an hour back, as if it had been made (or replaced) then. */
function hourOld(bundle: URL): void {
  const hourAgo = new Date(Date.now() - 3_600_000);
  utimesSync(dirname(fileURLToPath(bundle)), hourAgo, hourAgo);
}

describe('a module runs bundled', () => {
  const module = pathToFileURL(join(dir, `${name}.ts`));
  const dependency = join(dir, 'words.ts');
  writeFileSync(fileURLToPath(module), "import { parentPort } from 'node:worker_threads';\nimport { word } from './words.ts';\nparentPort!.postMessage(word satisfies string);\n");

  it('made once, kept while its sources are unchanged, and made again when one changes', async () => {
    writeFileSync(dependency, "export const word = 'first';\n");
    const first = await bundledModule(module);
    expect(first.href).not.toBe(module.href);
    expect(fileURLToPath(first).startsWith(cache)).toBe(true);
    expect(await run(first)).toBe('first');
    expect((await bundledModule(module)).href).toBe(first.href);

    // Made an hour ago: a build that has just read the record may still be about to load it.
    hourOld(first);
    writeFileSync(dependency, "export const word = 'second';\n");
    const second = await bundledModule(module);
    expect(second.href).not.toBe(first.href);
    expect(await run(second)).toBe('second');
    expect(existsSync(fileURLToPath(first))).toBe(true);

    // Replaced an hour ago: removed, with its folder, when the next one is made.
    hourOld(first);
    writeFileSync(dependency, "export const word = 'third';\n");
    expect(await run(await bundledModule(module))).toBe('third');
    expect(existsSync(dirname(fileURLToPath(first)))).toBe(false);
    expect(existsSync(fileURLToPath(second))).toBe(true);
  });

  it('leaves the bundles other modules use, even one whose name starts with this one\'s', async () => {
    const longer = pathToFileURL(join(dir, `${name}-longer.ts`));
    writeFileSync(fileURLToPath(longer), "import { parentPort } from 'node:worker_threads';\nparentPort!.postMessage('longer');\n");
    const kept = await bundledModule(longer);
    hourOld(kept);
    writeFileSync(dependency, "export const word = 'fourth';\n");
    expect(await run(await bundledModule(module))).toBe('fourth');
    expect(existsSync(fileURLToPath(kept))).toBe(true);
    expect(await run(kept)).toBe('longer');
  });

  it('gives the module itself when it cannot be bundled', async () => {
    const broken = pathToFileURL(join(dir, `${name}-broken.ts`));
    writeFileSync(fileURLToPath(broken), "import { missing } from './nowhere.ts';\nconsole.log(missing);\n");
    expect((await bundledModule(broken)).href).toBe(broken.href);
    // A module resolved from where its source is would be resolved from the cache.
    const resolving = pathToFileURL(join(dir, `${name}-resolving.ts`));
    writeFileSync(fileURLToPath(resolving), "export const words = import.meta.resolve('./words.ts');\n");
    expect((await bundledModule(resolving)).href).toBe(resolving.href);
  });

  it('makes a bundle whole again when one of its files is gone', async () => {
    const lazy = pathToFileURL(join(dir, `${name}-lazy.ts`));
    writeFileSync(fileURLToPath(lazy), "import { parentPort } from 'node:worker_threads';\nconst { word } = await import('./words.ts');\nparentPort!.postMessage(word);\n");
    writeFileSync(dependency, "export const word = 'whole';\n");
    const bundle = await bundledModule(lazy);
    const chunks = readdirSync(dirname(fileURLToPath(bundle))).filter((file) => file !== basename(fileURLToPath(bundle)));
    expect(chunks.length).toBeGreaterThan(0);
    rmSync(join(dirname(fileURLToPath(bundle)), chunks[0]!));
    const again = await bundledModule(lazy);
    expect(await run(again)).toBe('whole');
  });

  it('makes a bundle again when a source it was made from is gone (moved or removed since)', async () => {
    const module = pathToFileURL(join(dir, `${name}-moving.ts`));
    const before = join(dir, 'before.ts');
    writeFileSync(before, "export const word = 'before';\n");
    writeFileSync(fileURLToPath(module), "import { parentPort } from 'node:worker_threads';\nimport { word } from './before.ts';\nparentPort!.postMessage(word);\n");
    expect(await run(await bundledModule(module))).toBe('before');
    rmSync(before);
    writeFileSync(join(dir, 'after.ts'), "export const word = 'after';\n");
    writeFileSync(fileURLToPath(module), "import { parentPort } from 'node:worker_threads';\nimport { word } from './after.ts';\nparentPort!.postMessage(word);\n");
    expect(await run(await bundledModule(module))).toBe('after');
  });

  it('removes the record and the bundle of a module that is gone, once they are old', async () => {
    const gone = pathToFileURL(join(dir, `${name}-gone.ts`));
    writeFileSync(fileURLToPath(gone), "import { parentPort } from 'node:worker_threads';\nparentPort!.postMessage('gone');\n");
    const bundle = await bundledModule(gone);
    const records = () => readdirSync(cache).filter((entry) => entry.startsWith(`${name}-gone.`) && entry.endsWith('.bundle.json'));
    expect(records()).toHaveLength(1);
    rmSync(fileURLToPath(gone));
    hourOld(bundle);
    const hourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(join(cache, records()[0]!), hourAgo, hourAgo);
    // Stale bundles are removed when another is made.
    writeFileSync(dependency, "export const word = 'another';\n");
    expect(await run(await bundledModule(module))).toBe('another');
    expect(records()).toEqual([]);
    expect(existsSync(dirname(fileURLToPath(bundle)))).toBe(false);
  });

  it('keeps the bundles of two modules of the same name apart', async () => {
    const [a, b] = ['a', 'b'].map((folder) => {
      mkdirSync(join(dir, folder), { recursive: true });
      const module = pathToFileURL(join(dir, folder, `${name}-twin.ts`));
      writeFileSync(fileURLToPath(module), `import { parentPort } from 'node:worker_threads';\nparentPort!.postMessage('${folder}');\n`);
      return module;
    });
    expect(await run(await bundledModule(a!))).toBe('a');
    expect(await run(await bundledModule(b!))).toBe('b');
    expect(await run(await bundledModule(a!))).toBe('a');
  });
});

describe('a bundled module works as its sources do', () => {
  it('finds files next to its sources, loads what it imports when asked only then, and imports the packages the process has loaded', async () => {
    const module = pathToFileURL(join(dir, `${name}-side.ts`));
    writeFileSync(join(dir, 'beside.txt'), 'read from beside the source');
    writeFileSync(join(dir, 'later.ts'), "(globalThis as { candorLater?: boolean }).candorLater = true;\nexport const later = 'loaded when asked';\n");
    writeFileSync(
      fileURLToPath(module),
      [
        "import { readFileSync } from 'node:fs';",
        "import * as z from 'zod';",
        "export const beside = readFileSync(new URL('./beside.txt', import.meta.url), 'utf8');",
        "export const parsed = z.string().parse('checked');",
        "export const later = () => import('./later.ts').then((m) => m.later);",
        '',
      ].join('\n'),
    );
    const bundle = await bundledModule(module, { shared: ['zod'] });
    expect(bundle.href).not.toBe(module.href);
    const text = readFileSync(fileURLToPath(bundle), 'utf8');
    // zod is imported from where the process loads it, not copied in.
    expect(text).toMatch(/from "zod"/);
    const loaded = (await import(bundle.href)) as { beside: string; parsed: string; later: () => Promise<string> };
    expect(loaded.beside).toBe('read from beside the source');
    expect(loaded.parsed).toBe('checked');
    expect((globalThis as { candorLater?: boolean }).candorLater).toBeUndefined();
    expect(await loaded.later()).toBe('loaded when asked');
    expect((globalThis as { candorLater?: boolean }).candorLater).toBe(true);
  });
});

describe("Candor's own bundles", () => {
  it("bundles the parsing thread, Candor's side of a build and the pages', rather than falling back to their sources", async () => {
    expect(fileURLToPath(await parsingThread()).startsWith(cache)).toBe(true);
    const side = await candorSide();
    expect(fileURLToPath(side).startsWith(cache)).toBe(true);
    expect(typeof ((await import(side.href)) as { candor: unknown }).candor).toBe('function');
    const pages = await pagesSide();
    expect(fileURLToPath(pages).startsWith(cache)).toBe(true);
    // Its packages are imported from their own files, not copied in.
    expect(readFileSync(pages, 'utf8')).toMatch(/from "intl-messageformat"/);
    expect(Object.keys(await import(pages.href)).sort()).toEqual(Object.keys(await import(PAGES_MODULE.href)).sort());
  });

  // Anything else of Candor's a page imported would be bundled a second time, by Vite, with state of
  // its own. The browser's scripts (src/scripts/) are bundled for the browser.
  it('has the pages (and a dev server\'s own routes), layouts and components import Candor\'s code through src/lib/pages.ts alone', () => {
    const src = fileURLToPath(new URL('../../src/', import.meta.url));
    const offending: string[] = [];
    for (const folder of ['pages', 'dev-routes', 'layouts', 'components']) {
      for (const file of readdirSync(join(src, folder), { recursive: true, encoding: 'utf8' })) {
        if (!/\.(astro|ts)$/.test(file)) continue;
        const text = readFileSync(join(src, folder, file), 'utf8');
        for (const [statement, from] of text.matchAll(/^\s*import\s+(?!type\s)[^'";]*?['"](\.[^'"]+)['"]/gm)) {
          const target = join(src, folder, dirname(file), from!);
          if (/\.tsx?$|\.m?js$/.test(target) && target !== fileURLToPath(PAGES_MODULE) && !target.startsWith(join(src, 'scripts'))) offending.push(`${folder}/${file}: ${statement!.trim()}`);
        }
      }
    }
    expect(offending).toEqual([]);
  });
});
