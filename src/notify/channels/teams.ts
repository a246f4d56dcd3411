import { cutAtWord, factLines, type Message } from '../message.ts';
import type { Adapter } from './channel.ts';
import { post, webhookUrl } from './http.ts';

const TEXT_MAX = 3000;

/**
 * Teams' TextBlock reads a Markdown subset (emphasis, lists, links), and some clients show backslash
 * escapes literally: only what would start emphasis or a link is broken up, with an invisible joiner.
 */
const escape = (s: string) => s.replace(/\]\(/g, ']\u2060(').replace(/([*_])(?=\S)/g, '$1\u2060');

/**
 * A Teams Workflows webhook ("When a Teams webhook request is received"): a message whose attachment
 * is an Adaptive Card 1.4, with the text, a FactSet and a button to the update.
 */
export function teamsPayload(message: Message) {
  const text = cutAtWord(message.text, TEXT_MAX);
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body: [
            { type: 'TextBlock', text: escape(message.headline), weight: 'Bolder', size: 'Medium', wrap: true },
            ...(text ? [{ type: 'TextBlock', text: escape(text) + (text === message.text ? '' : ` [Read more](${message.url})`), wrap: true }] : []),
            ...(message.facts.length ? [{ type: 'FactSet', facts: message.facts.map((f) => ({ title: f.name, value: escape(f.value) })) }] : []),
          ],
          actions: [{ type: 'Action.OpenUrl', title: 'View on the status page', url: message.url }],
        },
      },
    ],
  };
}

export const teams: Adapter = {
  intervalMs: 1000,
  preview: (m) => [m.headline, m.text, ...factLines(m), `[View on the status page] ${m.url}`].filter(Boolean).join('\n'),
  async open(ctx) {
    const url = webhookUrl(ctx.env, ctx.channel.secret);
    return async (message) => {
      await post(url, teamsPayload(message), { timeoutMs: ctx.timeoutMs });
    };
  },
};
