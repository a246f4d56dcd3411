import type { Config } from '../core/schema/config.ts';
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
export function subscribeSections(config: Config, base = config.site.base): WaySection[] {
  const url = (path: string) => absolute(config.site.url, base, path);
  const rss = url(paths.feed('rss'));
  const sections: WaySection[] = [];

  const email: Way[] = [];
  if (config.subscribe.email) email.push({ label: 'Sign up for email updates', url: config.subscribe.email, how: 'Every update, as it is posted, from the mailing list.' });
  if (email.length) sections.push({ id: 'email', title: 'Email', ways: email });

  sections.push({
    id: 'chat',
    title: 'Chat',
    ways: [
      { label: 'Slack', how: 'In the channel that should hear about incidents, send this message:', code: `/feed subscribe ${rss}` },
      { label: 'Microsoft Teams', how: 'In Workflows, start from the template "Post to a channel when an RSS feed item is published", and give it this feed:', code: rss },
      { label: 'Discord', how: 'Discord reads no feeds by itself: add a feed bot to your server and give it this feed:', code: rss },
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
  if (social.length) sections.push({ id: 'social', title: 'Social and other channels', ways: social });

  sections.push({
    id: 'feeds',
    title: 'Feeds',
    ways: [
      { label: 'Every incident and maintenance: RSS', url: rss },
      { label: 'Every incident and maintenance: Atom', url: url(paths.feed('atom')) },
      ...config.components.flatMap((c) => [
        { label: `${c.name}: RSS`, url: url(paths.componentFeed(c.id, 'rss')) },
        { label: `${c.name}: Atom`, url: url(paths.componentFeed(c.id, 'atom')) },
      ]),
    ],
  });

  sections.push({
    id: 'calendar',
    title: 'Calendar',
    ways: [{ label: 'Planned maintenance (iCalendar)', url: url(paths.calendar), how: 'Subscribe to it by its address in your calendar app, so new windows appear by themselves:', code: url(paths.calendar) }],
  });

  sections.push({
    id: 'developers',
    title: 'For developers',
    ways: [
      { label: 'Widget', how: 'A banner in your own app while something is wrong here; add this to your page:', code: `<script src="${url(paths.widget)}" async></script>` },
      // The badge is the same in every language: one, at the site's root.
      { label: 'Status badge', url: absolute(config.site.url, config.site.base, paths.badge) },
      { label: 'JSON API (Statuspage format)', url: url(paths.api('summary')), how: 'The same endpoints and fields as Atlassian Statuspage, so existing clients work.' },
    ],
  });
  return sections;
}
