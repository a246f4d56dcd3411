import type { Octokit } from '@octokit/rest';
import { splitRepository } from './client.ts';

export interface ChangedFile {
  /** Path in the repository, with forward slashes. */
  path: string;
  content: string;
}

export interface PullRequestInput {
  repository: string;
  branch: string;
  title: string;
  body: string;
  files: ChangedFile[];
}

/**
 * Creates a branch from the default branch, commits each file to it through the contents API, and
 * opens a pull request. Returns the pull request's URL.
 */
export async function openPullRequest(client: Octokit, input: PullRequestInput): Promise<string> {
  const { owner, repo } = splitRepository(input.repository);
  const { data: repository } = await client.rest.repos.get({ owner, repo });
  const base = repository.default_branch;
  const { data: ref } = await client.rest.git.getRef({ owner, repo, ref: `heads/${base}` });
  await client.rest.git.createRef({ owner, repo, ref: `refs/heads/${input.branch}`, sha: ref.object.sha });
  for (const file of input.files) {
    let sha: string | undefined;
    try {
      const { data } = await client.rest.repos.getContent({ owner, repo, path: file.path, ref: input.branch });
      if (!Array.isArray(data) && data.type === 'file') sha = data.sha;
    } catch (e) {
      if ((e as { status?: number }).status !== 404) throw e;
    }
    await client.rest.repos.createOrUpdateFileContents({
      owner,
      repo,
      path: file.path,
      branch: input.branch,
      message: input.title,
      content: Buffer.from(file.content, 'utf8').toString('base64'),
      ...(sha ? { sha } : {}),
    });
  }
  const { data: pr } = await client.rest.pulls.create({ owner, repo, title: input.title, head: input.branch, base, body: input.body });
  return pr.html_url;
}
