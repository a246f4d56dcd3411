import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { AHEAD, AHEAD_CHARS, BATCH, writingThread } from '../../src/lib/write-files.ts';
import { files } from '../helpers/sites.ts';

const MODULE = JSON.stringify(new URL('../../src/lib/write-files.ts', import.meta.url).href);

describe('the files a build writes directly, on a thread of their own', () => {
  it('are all written, each with its text, in folders made as needed, by a thread started before them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'candor-write-'));
    const thread = writingThread();
    // The pages render meanwhile.
    await sleep(50);
    const count = await thread.write(dir, (out) => {
      for (let k = 0; k < 1000; k++) out.write(join(`folder-${k % 7}`, `file-${k}.json`), `{"k":${k}}`);
    });
    expect(count).toBe(1000);
    expect(files(dir)).toHaveLength(1000);
    for (const k of [0, 1, 249, 999]) expect(readFileSync(join(dir, `folder-${k % 7}`, `file-${k}.json`), 'utf8')).toBe(`{"k":${k}}`);
  });

  it('are written while the build makes the next ones, never more than a few batches behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'candor-write-'));
    let behind = 0;
    await writingThread().write(dir, (out) => {
      for (let k = 0; k < 80 * BATCH; k++) {
        out.write(join('pages', `${k}.html`), `<p>${k}</p>`);
        if (k % BATCH === BATCH - 1) behind = Math.max(behind, k + 1 - files(dir).length);
      }
    });
    expect(files(dir)).toHaveLength(80 * BATCH);
    // Measured as each batch is handed over: the texts made and not yet written, at most AHEAD batches, wait in memory.
    expect(behind).toBeLessThanOrEqual(AHEAD * BATCH);
  });

  it('of a megabyte each are held waiting some twenty at most, however few a batch holds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'candor-write-'));
    const megabyte = 'x'.repeat(2 ** 20);
    let behind = 0;
    await writingThread().write(dir, (out) => {
      for (let k = 0; k < 120; k++) {
        out.write(join('feeds', `${k}.xml`), megabyte);
        behind = Math.max(behind, k + 1 - files(dir).length);
      }
    });
    expect(files(dir)).toHaveLength(120);
    // Some 16 MB of texts waiting for the thread (AHEAD_CHARS), a batch in the making and the file just made.
    expect(AHEAD_CHARS).toBe(16 * 2 ** 20);
    expect(behind).toBeLessThanOrEqual(16 + 4 + 1);
  });

  it('fail the build with the error of the first file that cannot be written, its code and path kept', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'candor-write-'));
    // A folder where a file should go.
    mkdirSync(join(dir, 'api', 'taken.json'), { recursive: true });
    const written = writingThread().write(dir, (out) => {
      for (let k = 0; k < 300; k++) out.write(`api/file-${k}.json`, '{}');
      out.write('api/taken.json', '{}');
      for (let k = 300; k < 600; k++) out.write(`api/file-${k}.json`, '{}');
    });
    await expect(written).rejects.toMatchObject({ code: 'EISDIR', path: join(dir, 'api', 'taken.json') });
  });

  it('fail the build when a file stands where a folder must be made', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'candor-write-'));
    writeFileSync(join(dir, 'api'), 'a file');
    await expect(writingThread().write(dir, (out) => out.write('api/v2/summary.json', '{}'))).rejects.toMatchObject({ code: 'ENOTDIR' });
  });

  it('fail the build at once, before any text is made, when their thread has ended before it was given them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'candor-write-'));
    const thread = writingThread();
    await thread.stop();
    await new Promise((resolve) => setImmediate(resolve));
    let made = 0;
    await expect(thread.write(dir, (out) => out.write('a.json', `${++made}`))).rejects.toThrow(/The thread writing files stopped \(code \d+\) before it had written them/);
    expect(made).toBe(0);
  });

  it('are all written though the build that is writing them is replaced meanwhile: a thread given files is not stopped', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'candor-write-'));
    const thread = writingThread();
    const written = thread.write(dir, (out) => {
      for (let k = 0; k < 400; k++) out.write(`pages/${k}.html`, `<p>${k}</p>`);
    });
    await thread.stop();
    expect(await written).toBe(400);
    expect(files(dir)).toHaveLength(400);
  });

  it('stop the build waiting for the thread when a file cannot be written: the error comes at once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'candor-write-'));
    mkdirSync(join(dir, 'api', 'taken.json'), { recursive: true });
    const started = Date.now();
    const written = writingThread().write(dir, (out) => {
      out.write('api/taken.json', '{}');
      for (let k = 0; k < 80 * BATCH; k++) out.write(`api/file-${k}.json`, '{}');
    });
    await expect(written).rejects.toMatchObject({ code: 'EISDIR' });
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

// Each script ends by itself, well before the timeout, and says how.
const run = (dir: string, code: string) => {
  const script = join(dir, 'build.mjs');
  writeFileSync(script, `const { writingThread } = await import(${MODULE});\n${code}`);
  return execFileSync(process.execPath, [script], { encoding: 'utf8', timeout: 20_000 }).trim();
};

it('a build whose pages are done writes all its files before it ends, though nothing else keeps it running', () => {
  const dir = mkdtempSync(join(tmpdir(), 'candor-write-'));
  const code = `const thread = writingThread();
  await new Promise((resolve) => setTimeout(resolve, 20));
  console.log(await thread.write(${JSON.stringify(dir)}, (out) => {
    for (let k = 0; k < 300; k++) out.write('pages/' + k + '/index.html', '<p>' + k + '</p>');
  }));`;
  expect(run(dir, code)).toBe('300');
  expect(readFileSync(join(dir, 'pages', '299', 'index.html'), 'utf8')).toBe('<p>299</p>');
});

it('a build whose files cannot be made fails with that error and ends: no writing thread keeps it running', () => {
  const dir = mkdtempSync(join(tmpdir(), 'candor-write-'));
  const code = `await writingThread().write(${JSON.stringify(dir)}, (out) => {
    out.write('a.json', '{}');
    throw new Error('a feed could not be made');
  }).catch((e) => console.log(e.message));`;
  expect(run(dir, code)).toBe('a feed could not be made');
});

it('a build that fails before its files are made ends: the thread started for them keeps it running no more', () => {
  const dir = mkdtempSync(join(tmpdir(), 'candor-write-'));
  const code = `writingThread();
  process.on('exit', () => console.log('ended'));`;
  expect(run(dir, code)).toBe('ended');
});
