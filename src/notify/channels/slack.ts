import { cutAtWord, factLines, type Message } from '../message.ts';
import type { Adapter } from './channel.ts';
import { post, webhookUrl } from './http.ts';

/** Slack mrkdwn: &, < and > are the characters to escape, so no <!channel> or link can be forged. */
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Block Kit limits: header text 150 characters, section text 3,000. */
const HEADER_MAX = 150;
const SECTION_MAX = 3000;

/** An incoming webhook's Block Kit message: header, the text (cut at a word with "Read more"), facts, a button. */
export function slackPayload(message: Message) {
  const more = `\n<${message.url}|Read more>`;
  const full = escape(message.text);
  const text = full.length <= SECTION_MAX ? full : `${escape(cutAtWord(message.text, SECTION_MAX - more.length, (s) => escape(s).length))}${more}`;
  return {
    text: escape(`${message.headline}${message.text ? `: ${cutAtWord(message.text, 280)}` : ''}`),
    unfurl_links: false,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: cutAtWord(message.headline, HEADER_MAX, (s) => s.length), emoji: true } },
      ...(text ? [{ type: 'section', text: { type: 'mrkdwn', text } }] : []),
      ...(message.facts.length ? [{ type: 'context', elements: [{ type: 'mrkdwn', text: escape(factLines(message).join(' · ')) }] }] : []),
      { type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'View on the status page' }, url: message.url }] },
    ],
  };
}

export const slack: Adapter = {
  intervalMs: 1000,
  preview: (m) => [m.headline, m.text, factLines(m).join(' · '), `[View on the status page] ${m.url}`].filter(Boolean).join('\n'),
  async open(ctx) {
    const url = webhookUrl(ctx.env, ctx.channel.secret);
    return async (message) => {
      await post(url, slackPayload(message), { timeoutMs: ctx.timeoutMs });
    };
  },
};
