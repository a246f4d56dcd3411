import type { Octokit } from '@octokit/rest';
import { splitRepository } from './client.ts';

export interface ChangedFile {
  /** Path in the repository, with forward slashes. */
  path: string;
  /**
   * The file's new content, made from its content on the default branch (undefined when it has
   * none there), so that a change from a stale clone never drops what reached the branch meanwhile.
   */
  build: (current: string | undefined) => string;
}

export interface PullRequestInput {
  repository: string;
  branch: string;
  title: string;
  body: string;
  files: ChangedFile[];
}

/**
 * Creates a branch from the default branch, commits each file to it through the contents API (built
 * on the file as the branch holds it, by its sha), and opens a pull request. Returns the pull request's URL.
 */
export async function openPullRequest(client: Octokit, input: PullRequestInput): Promise<string> {
  const { owner, repo } = splitRepository(input.repository);
  const { data: repository } = await client.rest.repos.get({ owner, repo });
  const base = repository.default_branch;
  const { data: ref } = await client.rest.git.getRef({ owner, repo, ref: `heads/${base}` });
  // Every file is built before anything is pushed: a conflict leaves no branch behind.
  const commits: { path: string; content: string; sha?: string }[] = [];
  for (const file of input.files) {
    let current: { sha: string; text: string } | undefined;
    try {
      const { data } = await client.rest.repos.getContent({ owner, repo, path: file.path, ref: ref.object.sha });
      if (!Array.isArray(data) && data.type === 'file') current = { sha: data.sha, text: Buffer.from(data.content, 'base64').toString('utf8') };
    } catch (e) {
      if ((e as { status?: number }).status !== 404) throw e;
    }
    commits.push({ path: file.path, content: file.build(current?.text), ...(current ? { sha: current.sha } : {}) });
  }
  await client.rest.git.createRef({ owner, repo, ref: `refs/heads/${input.branch}`, sha: ref.object.sha });
  for (const c of commits) {
    await client.rest.repos.createOrUpdateFileContents({ owner, repo, path: c.path, branch: input.branch, message: input.title, content: Buffer.from(c.content, 'utf8').toString('base64'), ...(c.sha ? { sha: c.sha } : {}) });
  }
  const { data: pr } = await client.rest.pulls.create({ owner, repo, title: input.title, head: input.branch, base, body: input.body });
  return pr.html_url;
}
