import { existsSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { threadScript } from '../../src/core/thread-script.ts';

const dir = mkdtempSync(join(tmpdir(), 'candor-thread-'));
const name = `candor-thread-test-${process.pid}`;
const cache = fileURLToPath(new URL('../../node_modules/.cache/candor/', import.meta.url));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  for (const file of readdirSync(cache)) if (file.startsWith(name)) rmSync(join(cache, file), { force: true });
});

function run(script: URL): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script);
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

describe('a thread runs its module bundled', () => {
  const module = pathToFileURL(join(dir, `${name}.ts`));
  const dependency = join(dir, 'words.ts');
  writeFileSync(fileURLToPath(module), "import { parentPort } from 'node:worker_threads';\nimport { word } from './words.ts';\nparentPort!.postMessage(word satisfies string);\n");

  it('made once, kept while its sources are unchanged, and made again when one changes', async () => {
    writeFileSync(dependency, "export const word = 'first';\n");
    const first = await threadScript(module);
    expect(first.href).not.toBe(module.href);
    expect(fileURLToPath(first).startsWith(cache)).toBe(true);
    expect(await run(first)).toBe('first');
    expect((await threadScript(module)).href).toBe(first.href);

    // Made an hour ago: a build that has just read the record may still be about to load it.
    const hourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(fileURLToPath(first), hourAgo, hourAgo);
    writeFileSync(dependency, "export const word = 'second';\n");
    const second = await threadScript(module);
    expect(second.href).not.toBe(first.href);
    expect(await run(second)).toBe('second');
    expect(existsSync(fileURLToPath(first))).toBe(true);

    // Replaced an hour ago: removed when the next one is made.
    utimesSync(fileURLToPath(first), hourAgo, hourAgo);
    writeFileSync(dependency, "export const word = 'third';\n");
    expect(await run(await threadScript(module))).toBe('third');
    expect(existsSync(fileURLToPath(first))).toBe(false);
    expect(existsSync(fileURLToPath(second))).toBe(true);
  });

  it("leaves the bundles of a module whose name starts with this one's", async () => {
    const longer = pathToFileURL(join(dir, `${name}-longer.ts`));
    writeFileSync(fileURLToPath(longer), "import { parentPort } from 'node:worker_threads';\nparentPort!.postMessage('longer');\n");
    const kept = await threadScript(longer);
    const hourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(fileURLToPath(kept), hourAgo, hourAgo);
    writeFileSync(dependency, "export const word = 'fourth';\n");
    expect(await run(await threadScript(module))).toBe('fourth');
    expect(existsSync(fileURLToPath(kept))).toBe(true);
    expect(await run(kept)).toBe('longer');
  });

  it('runs the module itself when it cannot be bundled', async () => {
    const broken = pathToFileURL(join(dir, `${name}-broken.ts`));
    writeFileSync(fileURLToPath(broken), "import { missing } from './nowhere.ts';\nconsole.log(missing);\n");
    expect((await threadScript(broken)).href).toBe(broken.href);
  });
});
