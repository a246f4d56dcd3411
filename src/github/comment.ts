import type { Octokit } from '@octokit/rest';
import { splitRepository } from './client.ts';

/** Marks Candor's comment, so each push updates it instead of adding another. */
export const COMMENT_MARKER = '<!-- candor-preview -->';

export type CommentResult = { outcome: 'created' | 'updated'; id: number } | { outcome: 'forbidden'; message: string };

/**
 * Posts the preview on a pull request, or updates the comment posted before. A 403 (the read-only
 * token of a pull request from a fork) is reported, not thrown: the preview is in the job summary.
 */
export async function upsertPreviewComment(client: Octokit, repository: string, issue: number, body: string): Promise<CommentResult> {
  const { owner, repo } = splitRepository(repository);
  const text = `${COMMENT_MARKER}\n${body}`;
  try {
    const comments = await client.paginate(client.rest.issues.listComments, { owner, repo, issue_number: issue, per_page: 100 });
    // Only a bot's comment that starts with the marker: never a person's comment that quotes it.
    const mine = comments.find((c) => c.user?.type === 'Bot' && c.body?.startsWith(COMMENT_MARKER));
    if (mine) {
      await client.rest.issues.updateComment({ owner, repo, comment_id: mine.id, body: text });
      return { outcome: 'updated', id: mine.id };
    }
    const { data } = await client.rest.issues.createComment({ owner, repo, issue_number: issue, body: text });
    return { outcome: 'created', id: data.id };
  } catch (e) {
    if ((e as { status?: number }).status === 403) {
      return { outcome: 'forbidden', message: 'GitHub refused the comment (403): pull requests from forks get a read-only token. The preview is in the job summary instead.' };
    }
    throw e;
  }
}
