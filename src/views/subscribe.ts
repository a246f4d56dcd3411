import type { Config } from '../core/schema/config.ts';
import type { Translator } from '../i18n/translate.ts';
import { absolute, paths } from './urls.ts';

/** One way to follow the status, as /subscribe/ lists it. */
export interface Way {
  label: string;
  /** A link to follow, when there is one. */
  url?: string;
  /** How to set it up, in plain words; `code` is shown to copy. */
  how?: string;
  code?: string;
}

export interface WaySection {
  id: string;
  title: string;
  ways: Way[];
}

/**
 * Every way to follow the status, for /subscribe/: email, chat, social accounts, feeds (per
 * component), the maintenance calendar, and the widget, badges and API for developers. Absolute
 * URLs, because readers paste them into other tools.
 */
export function subscribeSections(config: Config, base: string, t: Translator): WaySection[] {
  const url = (path: string) => absolute(config.site.url, base, path);
  const rss = url(paths.feed('rss'));
  const sections: WaySection[] = [];

  const email: Way[] = [];
  if (config.subscribe.email) email.push({ label: t('subscribe.emailLink'), url: config.subscribe.email, how: t('subscribe.emailHow') });
  if (email.length) sections.push({ id: 'email', title: t('subscribe.email'), ways: email });

  sections.push({
    id: 'chat',
    title: t('subscribe.chat'),
    ways: [
      { label: 'Slack', how: t('subscribe.slackHow'), code: `/feed subscribe ${rss}` },
      { label: 'Microsoft Teams', how: t('subscribe.teamsHow'), code: rss },
      { label: 'Discord', how: t('subscribe.discordHow'), code: rss },
    ],
  });

  const social: Way[] = [];
  for (const n of config.notifications) {
    if (n.type === 'mastodon' && n.account) {
      const [user, host] = n.account.replace(/^@/, '').split('@');
      social.push({ label: `Mastodon: @${user}@${host ?? new URL(n.instance!).host}`, url: host ? `https://${host}/@${user}` : new URL(`/@${user}`, n.instance!).toString() });
    }
    if (n.type === 'bluesky') social.push({ label: `Bluesky: @${n.handle}`, url: `https://bsky.app/profile/${n.handle}` });
  }
  for (const link of config.subscribe.links) social.push({ label: link.label, url: link.url });
  if (social.length) sections.push({ id: 'social', title: t('subscribe.social'), ways: social });

  sections.push({
    id: 'feeds',
    title: t('subscribe.feeds'),
    ways: [
      { label: t('subscribe.feedAll', { format: 'RSS' }), url: rss },
      { label: t('subscribe.feedAll', { format: 'Atom' }), url: url(paths.feed('atom')) },
      ...config.components.flatMap((c) => [
        { label: `${c.name}: RSS`, url: url(paths.componentFeed(c.id, 'rss')) },
        { label: `${c.name}: Atom`, url: url(paths.componentFeed(c.id, 'atom')) },
      ]),
    ],
  });

  sections.push({
    id: 'calendar',
    title: t('subscribe.calendar'),
    ways: [{ label: t('subscribe.calendarLink'), url: url(paths.calendar), how: t('subscribe.calendarHow'), code: url(paths.calendar) }],
  });

  sections.push({
    id: 'developers',
    title: t('subscribe.developers'),
    ways: [
      { label: t('subscribe.widget'), how: t('subscribe.widgetHow'), code: `<script src="${url(paths.widget)}" async></script>` },
      // The badge is the same in every language: one, at the site's root.
      { label: t('subscribe.badge'), url: absolute(config.site.url, config.site.base, paths.badge) },
      { label: t('subscribe.api'), url: url(paths.api('summary')), how: t('subscribe.apiHow') },
    ],
  });
  return sections;
}
