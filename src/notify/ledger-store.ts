import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { type Ledger, mergeLedgers, parseLedger, serializeLedger } from './ledger.ts';

/** Where the ledger is kept. `read` gives undefined only when there is none yet (a first run). */
export interface LedgerStore {
  /** Where it is, for messages: "branch candor-ledger of origin", a file path. */
  describe: string;
  read(): Ledger | undefined;
  /** Saves `ledger`, merged with whatever another run saved meanwhile; returns what was saved. */
  write(ledger: Ledger, message: string): Ledger;
}

/** A plain file: for local runs and tests (`candor notify --ledger <file>`). */
export function fileStore(path: string): LedgerStore {
  return {
    describe: path,
    read: () => (existsSync(path) ? parseLedger(readFileSync(path, 'utf8')) : undefined),
    write(ledger) {
      const merged = existsSync(path) ? mergeLedgers(parseLedger(readFileSync(path, 'utf8')), ledger) : ledger;
      writeFileSync(`${path}.tmp`, serializeLedger(merged));
      renameSync(`${path}.tmp`, path);
      return merged;
    },
  };
}

const FILE = 'ledger.json';
const LOCAL_REF = 'refs/candor/ledger';
const README = `This branch is Candor's notification ledger: ledger.json records, for each channel, which\nupdates were delivered and when, so that each goes out once. The Deploy workflow writes it; do not\nmerge it into main. Deleting it makes the next run record what is published without sending it.\n`;

/**
 * A branch of the repository (`notify.ledger_branch`), holding only `ledger.json` and a README: it
 * survives re-runs, caches and machines, and its history shows every run's deliveries. A push that
 * loses a race with another run is merged (a union of deliveries) and pushed again.
 */
export function gitBranchStore(root: string, branch: string, env: Record<string, string | undefined> = {}, remote = 'origin'): LedgerStore {
  // In Actions the checkout keeps no credentials (npm install scripts could read them): the token goes
  // to git through its environment, never on a command line or into .git/config.
  const token = env['GITHUB_TOKEN'];
  const auth = token
    ? { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: `http.${env['GITHUB_SERVER_URL'] ?? 'https://github.com'}/.extraheader`, GIT_CONFIG_VALUE_0: `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}` }
    : {};
  const git = (args: string[], input?: string) => {
    const r = spawnSync('git', args, {
      cwd: root,
      input,
      encoding: 'utf8',
      env: { ...process.env, ...auth, GIT_AUTHOR_NAME: 'Candor', GIT_AUTHOR_EMAIL: 'candor@localhost', GIT_COMMITTER_NAME: 'Candor', GIT_COMMITTER_EMAIL: 'candor@localhost', GIT_TERMINAL_PROMPT: '0' },
    });
    return { ok: r.status === 0, status: r.status, out: (r.stdout ?? '').trim(), err: (r.stderr ?? '').trim() };
  };
  let parent: string | undefined;

  const fetch = (): Ledger | undefined => {
    const fetched = git(['fetch', '--quiet', '--no-tags', '--depth=1', remote, `+refs/heads/${branch}:${LOCAL_REF}`]);
    if (!fetched.ok) {
      // Exit status 2 of ls-remote --exit-code: the branch does not exist (a first run). Anything else
      // (no network, no access) must stop the run: guessing "none" would lose the record.
      const listed = git(['ls-remote', '--exit-code', '--heads', remote, branch]);
      if (listed.status === 2) return (parent = undefined);
      throw new Error(`Could not read the notification ledger from branch ${branch} of ${remote}: ${fetched.err || listed.err || 'git fetch failed'}`);
    }
    parent = git(['rev-parse', LOCAL_REF]).out;
    const shown = git(['show', `${LOCAL_REF}:${FILE}`]);
    if (!shown.ok) throw new Error(`Branch ${branch} has no ${FILE}: it is not a Candor ledger. Name another branch in notify.ledger_branch, or delete this one.`);
    return parseLedger(shown.out);
  };

  return {
    describe: `branch ${branch} of ${remote}`,
    read: fetch,
    write(ledger, message) {
      let current = ledger;
      let reason = '';
      for (let attempt = 0; attempt < 5; attempt++) {
        const blob = git(['hash-object', '-w', '--stdin'], serializeLedger(current)).out;
        const readme = git(['hash-object', '-w', '--stdin'], README).out;
        const tree = git(['mktree'], `100644 blob ${readme}\tREADME.md\n100644 blob ${blob}\t${FILE}\n`).out;
        const commit = git(['commit-tree', tree, ...(parent ? ['-p', parent] : []), '-m', message]);
        if (!commit.ok) throw new Error(`Could not record the notification ledger: ${commit.err}`);
        const pushed = git(['push', '--quiet', remote, `${commit.out}:refs/heads/${branch}`]);
        if (pushed.ok) {
          parent = commit.out;
          return current;
        }
        reason = pushed.err;
        // Another run saved first: take its deliveries too, and try again on top of it.
        const theirs = fetch();
        if (theirs === undefined && !/non-fast-forward|fetch first|rejected/i.test(pushed.err)) throw new Error(`Could not push the notification ledger to ${remote}: ${pushed.err}`);
        current = theirs ? mergeLedgers(theirs, current) : current;
      }
      throw new Error(`Could not push the notification ledger to branch ${branch} of ${remote} after 5 attempts: ${reason}`);
    },
  };
}
