import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Writes files under `dir` by their paths, making each folder once; counts them. */
export function fileWriter(dir: string): { write(path: string, text: string): void; readonly written: number } {
  const made = new Set<string>();
  let written = 0;
  return {
    write(path, text) {
      const file = join(dir, path);
      const folder = dirname(file);
      if (!made.has(folder)) {
        mkdirSync(folder, { recursive: true });
        made.add(folder);
      }
      writeFileSync(file, text);
      written++;
    },
    get written() {
      return written;
    },
  };
}
