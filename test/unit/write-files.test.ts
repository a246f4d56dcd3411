import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileWriter } from '../../src/lib/write-files.ts';
import { files } from '../helpers/sites.ts';

// A build writes a few files on its own thread, thousands on a thread of their own.
describe.each([
  ['on the build thread', 10],
  ['on a thread of their own', 10_000],
])('the files a build writes directly, %s', (_, expected) => {
  it('are all written, each with its text, in folders made as needed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'candor-write-'));
    const writer = fileWriter(dir, expected);
    for (let k = 0; k < 1000; k++) writer.write(join(`folder-${k % 7}`, `file-${k}.json`), `{"k":${k}}`);
    expect(await writer.done()).toBe(1000);
    expect(files(dir)).toHaveLength(1000);
    for (const k of [0, 1, 249, 999]) expect(readFileSync(join(dir, `folder-${k % 7}`, `file-${k}.json`), 'utf8')).toBe(`{"k":${k}}`);
  });

  it('fail the build with the error of a file that cannot be written, never silently', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'candor-write-'));
    // A folder where a file should go.
    mkdirSync(join(dir, 'api', 'taken.json'), { recursive: true });
    const writer = fileWriter(dir, expected);
    writer.write('api/taken.json', '{}');
    for (let k = 0; k < 500; k++) writer.write(`api/file-${k}.json`, '{}');
    await expect(writer.done()).rejects.toThrow(/EISDIR/);
  });

  it('fail the build when a file and a folder take the same name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'candor-write-'));
    const writer = fileWriter(dir, expected);
    writer.write('api', 'a file where a folder should go');
    writer.write('api/v2/summary.json', '{}');
    await expect(writer.done()).rejects.toThrow(/ENOTDIR|EEXIST|EISDIR/);
  });
});
