import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AHEAD, BATCH, THREAD_FROM, writeFiles } from '../../src/lib/write-files.ts';
import { files } from '../helpers/sites.ts';

// A build writes fewer files on its own thread, more on a thread of their own.
describe.each([
  ['on the build thread', THREAD_FROM - 1],
  ['on a thread of their own', THREAD_FROM],
])('the files a build writes directly, %s', (_, expected) => {
  it('are all written, each with its text, in folders made as needed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'candor-write-'));
    const count = await writeFiles(dir, expected, (out) => {
      for (let k = 0; k < 1000; k++) out.write(join(`folder-${k % 7}`, `file-${k}.json`), `{"k":${k}}`);
    });
    expect(count).toBe(1000);
    expect(files(dir)).toHaveLength(1000);
    for (const k of [0, 1, 249, 999]) expect(readFileSync(join(dir, `folder-${k % 7}`, `file-${k}.json`), 'utf8')).toBe(`{"k":${k}}`);
  });

  it('fail the build with the error of the first file that cannot be written, its code and path kept', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'candor-write-'));
    // A folder where a file should go.
    mkdirSync(join(dir, 'api', 'taken.json'), { recursive: true });
    const written = writeFiles(dir, expected, (out) => {
      for (let k = 0; k < 300; k++) out.write(`api/file-${k}.json`, '{}');
      out.write('api/taken.json', '{}');
      for (let k = 300; k < 600; k++) out.write(`api/file-${k}.json`, '{}');
    });
    await expect(written).rejects.toMatchObject({ code: 'EISDIR', path: join(dir, 'api', 'taken.json') });
  });

  it('fail the build when a file stands where a folder must be made', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'candor-write-'));
    writeFileSync(join(dir, 'api'), 'a file');
    await expect(writeFiles(dir, expected, (out) => out.write('api/v2/summary.json', '{}'))).rejects.toMatchObject({ code: 'ENOTDIR' });
  });
});

describe('a thread of their own', () => {
  it('writes them while the build makes the next ones, never more than a few batches behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'candor-write-'));
    let behind = 0;
    await writeFiles(dir, THREAD_FROM, (out) => {
      for (let k = 0; k < 20 * BATCH; k++) {
        out.write(join('pages', `${k}.html`), `<p>${k}</p>`);
        if (k % BATCH === BATCH - 1) behind = Math.max(behind, k + 1 - files(dir).length);
      }
    });
    expect(files(dir)).toHaveLength(20 * BATCH);
    // Measured as each batch is handed over: the texts made and not yet written, at most AHEAD batches, wait in memory.
    expect(behind).toBeLessThanOrEqual(AHEAD * BATCH);
  });

  it('stops the build waiting for it when a file cannot be written: the error comes at once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'candor-write-'));
    mkdirSync(join(dir, 'api', 'taken.json'), { recursive: true });
    const started = Date.now();
    const written = writeFiles(dir, THREAD_FROM, (out) => {
      out.write('api/taken.json', '{}');
      for (let k = 0; k < 20 * BATCH; k++) out.write(`api/file-${k}.json`, '{}');
    });
    await expect(written).rejects.toMatchObject({ code: 'EISDIR' });
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

it('a build whose files cannot be made fails with that error and ends: no writing thread keeps it running', () => {
  const dir = mkdtempSync(join(tmpdir(), 'candor-write-'));
  const script = join(dir, 'build.mjs');
  writeFileSync(
    script,
    `const { THREAD_FROM, writeFiles } = await import(${JSON.stringify(new URL('../../src/lib/write-files.ts', import.meta.url).href)});
    await writeFiles(${JSON.stringify(dir)}, THREAD_FROM, (out) => {
      out.write('a.json', '{}');
      throw new Error('a feed could not be made');
    }).catch((e) => console.log(e.message));`,
  );
  // Ends by itself, well before the timeout, with the error.
  expect(execFileSync(process.execPath, [script], { encoding: 'utf8', timeout: 20_000 }).trim()).toBe('a feed could not be made');
});
