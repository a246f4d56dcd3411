// Memory of a whole process tree: a build's peak counts the helper processes it starts (esbuild).
import { spawn, type SpawnOptions } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Resident memory (KiB) of a process and all its descendants, read from /proc (Linux; 0 elsewhere). */
export function treeRssKiB(root: number): number {
  const children = new Map<number, number[]>();
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return 0;
  }
  for (const name of pids) {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command name, which may hold spaces: state, ppid, …
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  for (const pending = [root]; pending.length > 0; ) {
    const pid = pending.pop()!;
    try {
      total += Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {}
    pending.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Runs a command to its end, sampling its tree's memory; the output is collected. */
export function runSampled(command: string, args: string[], options: SpawnOptions, everyMs = 200): Promise<{ status: number | null; output: string; treePeakKiB: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let treePeakKiB = 0;
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    const timer = setInterval(() => (treePeakKiB = Math.max(treePeakKiB, treeRssKiB(child.pid!))), everyMs);
    child.on('error', (e) => {
      clearInterval(timer);
      reject(e);
    });
    child.on('close', (status) => {
      clearInterval(timer);
      resolve({ status, output, treePeakKiB });
    });
  });
}
