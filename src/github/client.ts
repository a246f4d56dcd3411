import { Octokit } from '@octokit/rest';

export interface GitHubEnv {
  token?: string | undefined;
  /** `owner/name`. */
  repository?: string | undefined;
  /** The API's base URL; GitHub Enterprise and tests set it. */
  apiUrl?: string | undefined;
}

/** Reads the token and repository that GitHub Actions (or the user) put in the environment. */
export function githubEnv(env: Record<string, string | undefined>): GitHubEnv {
  return { token: env['GITHUB_TOKEN'] || env['GH_TOKEN'], repository: env['GITHUB_REPOSITORY'], apiUrl: env['GITHUB_API_URL'] };
}

export function octokit(env: GitHubEnv): Octokit {
  // Failures reach the caller as exceptions; octokit's own request log would only repeat them.
  const quiet = () => {};
  return new Octokit({ auth: env.token, baseUrl: env.apiUrl ?? 'https://api.github.com', userAgent: 'candor', log: { debug: quiet, info: quiet, warn: quiet, error: quiet } });
}

export function splitRepository(repository: string): { owner: string; repo: string } {
  const m = /^([\w.-]+)\/([\w.-]+)$/.exec(repository);
  if (!m) throw new Error(`"${repository}" is not a repository: write it as owner/name.`);
  return { owner: m[1]!, repo: m[2]! };
}

/** owner/name from a git remote URL (https or ssh), or undefined. */
export function repositoryFromRemote(url: string): string | undefined {
  const m = /github\.com[:/]([\w.-]+\/[\w.-]+?)(?:\.git)?\/?$/.exec(url.trim());
  return m?.[1];
}
