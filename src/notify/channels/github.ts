import { forComment } from '../../authoring/preview.ts';
import { octokit, splitRepository } from '../../github/client.ts';
import { factLines, type Message } from '../message.ts';
import type { Adapter } from './channel.ts';
import { DeliveryError, secretValue } from './http.ts';

/** The comment: the owners mentioned (so GitHub notifies them), then the reminder, which mentions nobody else. */
export function issueComment(message: Message): string {
  const mention = message.mention.length ? `${message.mention.join(' ')}\n\n` : '';
  return `${mention}${forComment(`**${message.headline}**\n\n${message.text}\n\n${factLines(message).join(' · ')}\n\n${message.url}`)}`;
}

/** A comment on an issue of this repository, with the workflow's token (team reminders only). */
export const github: Adapter = {
  intervalMs: 1000,
  preview: (m, ctx) => `Comment on issue #${ctx.channel.issue}:\n${issueComment(m)}`,
  async open(ctx) {
    const token = secretValue(ctx.env, ctx.channel.secret);
    const repository = ctx.env['GITHUB_REPOSITORY'];
    if (!repository) throw new DeliveryError('GITHUB_REPOSITORY is not set: run it in GitHub Actions, or set it to owner/name', false);
    const { owner, repo } = splitRepository(repository);
    const client = octokit({ token, repository, apiUrl: ctx.env['GITHUB_API_URL'] });
    return async (message) => {
      try {
        await client.rest.issues.createComment({ owner, repo, issue_number: ctx.channel.issue!, body: issueComment(message), request: { signal: AbortSignal.timeout(ctx.timeoutMs) } });
      } catch (e) {
        const status = (e as { status?: number }).status;
        throw new DeliveryError(`GitHub answered ${status ?? (e as Error).message}`, status === undefined || status === 429 || status >= 500);
      }
    };
  },
};
