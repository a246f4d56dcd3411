import nodemailer from 'nodemailer';
import { factLines, type Message } from '../message.ts';
import type { NotificationEvent } from '../events.ts';
import type { Adapter, ChannelContext } from './channel.ts';
import { DeliveryError, secretValue } from './http.ts';

const html = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Message-IDs are derived from the event, so that every message of one incident names the same root
 * (its first update) in `References` and mail clients show them as one thread, whoever sends them.
 */
export function threadIds(event: NotificationEvent, host: string): { messageId: string; root: string } {
  const first = event.entry.updates[event.entry.updates.length - 1]!;
  const id = (suffix: string) => `<${event.entry.id}.${suffix}@${host}>`;
  return { messageId: id(event.key.slice(event.key.indexOf('#') + 1)), root: id(first.anchor) };
}

export function emailMessage(message: Message, event: NotificationEvent, ctx: Pick<ChannelContext, 'config' | 'channel'>) {
  const { config, channel } = ctx;
  const host = new URL(config.site.url).host;
  const { messageId, root } = threadIds(event, host);
  const facts = factLines(message);
  const text = [message.headline, message.text, facts.join('\n'), `Read it on the status page: ${message.url}`, channel.unsubscribe ? `Unsubscribe: ${channel.unsubscribe.replace(/^mailto:/, '')}` : '']
    .filter(Boolean)
    .join('\n\n');
  const paragraphs = message.text.split(/\n{2,}/).filter(Boolean).map((p) => `<p>${html(p)}</p>`).join('\n');
  const body = `<!doctype html>
<html lang="${html(config.site.locale)}"><head><meta charset="utf-8"><title>${html(message.headline)}</title></head>
<body>
<h1 style="font-size:1.25em">${html(message.headline)}</h1>
${paragraphs}
${facts.length ? `<ul>${facts.map((f) => `<li>${html(f)}</li>`).join('')}</ul>` : ''}
<p><a href="${html(message.url)}">Read it on the status page</a></p>
${channel.unsubscribe ? `<p style="font-size:0.85em"><a href="${html(channel.unsubscribe)}">Unsubscribe</a></p>` : ''}
</body></html>
`;
  return {
    from: channel.from!,
    // Several recipients never see each other's addresses.
    ...(Array.isArray(channel.to) && channel.to.length > 1 ? { to: channel.from!, envelope: { from: channel.from!, to: channel.to } } : { to: channel.to! }),
    subject: `${message.headline} — ${config.site.name} status`,
    text,
    html: body,
    messageId,
    ...(messageId === root ? {} : { inReplyTo: root, references: [root] }),
    headers: { 'Auto-Submitted': 'auto-generated', ...(channel.unsubscribe ? { 'List-Unsubscribe': `<${channel.unsubscribe}>` } : {}) },
  };
}

export const email: Adapter = {
  intervalMs: 0,
  preview: (m, ctx) => `Subject: ${m.headline} — ${ctx.config.site.name} status\n\n${[m.text, ...factLines(m), m.url].join('\n')}`,
  async open(ctx) {
    const url = secretValue(ctx.env, ctx.channel.secret);
    if (!/^smtps?:\/\//.test(url)) throw new DeliveryError(`the secret ${ctx.channel.secret} is not an SMTP address: store it like smtps://user:password@smtp.example.com`, false);
    const transport = nodemailer.createTransport({ url, connectionTimeout: ctx.timeoutMs, greetingTimeout: ctx.timeoutMs, socketTimeout: ctx.timeoutMs });
    return async (message, event) => {
      try {
        await transport.sendMail(emailMessage(message, event, ctx));
      } catch (e) {
        const error = e as Error & { responseCode?: number; code?: string };
        // SMTP 4xx replies are temporary; 5xx are refusals that a retry will not change.
        const code = error.responseCode;
        throw new DeliveryError(`the mail server refused or failed: ${code ? `${code} ` : ''}${error.code ?? ''} ${error.message}`.replace(/\s+/g, ' '), code === undefined || code < 500);
      }
    };
  },
};
