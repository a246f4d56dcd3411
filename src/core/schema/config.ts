import * as z from 'zod';
import { isLanguage, type Language, LANGUAGES, writeLanguage } from '../../i18n/languages.ts';
import { ID_PATTERN } from '../ids.ts';
import { isSiteUrl } from '../origin.ts';
import { parseTime } from '../time.ts';
import { ownerHandle, timeField } from './time.ts';

const id = z.string().regex(ID_PATTERN, 'not a valid id; use lowercase letters, digits and hyphens, such as "api" or "web-app"');

/** A date (midnight UTC) or a date and time, as incident files write them. */
const date = z.string().transform((v, ctx) => {
  const parsed = parseTime(/^\d{4}-\d{2}-\d{2}$/.test(v.trim()) ? `${v.trim()} 00:00 UTC` : v);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: `${parsed.reason}; write a date like 2025-01-31` });
    return z.NEVER;
  }
  return parsed.date;
});

const timeZone = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'not an IANA time zone; use a name such as "UTC", "Europe/Paris" or "America/New_York"' },
);

const locale = z.string().refine(
  (l) => {
    try {
      return Intl.DateTimeFormat.supportedLocalesOf([l]).length > 0;
    } catch {
      return false;
    }
  },
  { message: 'not a locale this runtime knows; use a tag such as "en-US" or "de-DE"' },
);

const LOGO_PATH = 'must be a path under public/; write it like /logo.svg for the file public/logo.svg';

export const siteSchema = z.strictObject({
  /** The company or product name shown in the header and titles. */
  name: z.string().min(1, 'empty; write the company or product name'),
  /** Public URL of the status site, e.g. https://status.example.com */
  url: z.url({ protocol: /^https?$/, message: 'must be a full http(s) URL; write it like https://status.example.com' }).superRefine((value, ctx) => {
    // Runs after z.url's own check, which has already reported an address that is not one.
    if (!URL.canParse(value)) return;
    const url = new URL(value);
    const problem =
      url.username || url.password
        ? 'holds a user name or password; write only the address, such as https://status.example.com'
        : url.search || url.hash || /[?#]/.test(value)
          ? 'has a query or fragment; write only the address, such as https://status.example.com'
          : url.pathname !== '/'
            ? `has a path (${url.pathname.replace(/\/$/, '')}); write the address in site.url (${url.origin}) and the path in site.base: base: ${url.pathname.replace(/\/$/, '')}`
            : undefined;
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
  /** Path prefix when served from a sub-path (GitHub project pages): "/status". */
  base: z
    .string()
    .regex(/^\/(?:[A-Za-z0-9._~-]+\/?)*$/, 'must be a path starting with "/"; write "/" or a sub-path such as "/status"')
    .refine((base) => !base.split('/').some((segment) => segment === '.' || segment === '..'), 'climbs out of the site with "." or ".."; write the path the site is served under, such as "/status"')
    .default('/'),
  description: z.string().optional(),
  /** Path of a logo under public/ (never another site's URL: the page makes no third-party request). */
  logo: z
    .string()
    .regex(/^\/(?![/\\])/, LOGO_PATH)
    .refine((path) => isSiteUrl(path), LOGO_PATH)
    .optional(),
  time_zone: timeZone.default('UTC'),
  /** How dates and numbers are written; by default the first language's (en: en-US). */
  locale: locale.optional(),
  /** The languages of the site, each with a catalogue in src/i18n: the first is the default, at `/`. */
  languages: z
    .array(
      z.string().superRefine((code, ctx) => {
        if (!isLanguage(code)) ctx.addIssue({ code: 'custom', message: `not a language Candor has a catalogue for; ${writeLanguage(code)}` });
      }),
    )
    .min(1, 'empty; list at least one language, such as [en]')
    .refine((codes) => new Set(codes).size === codes.length, 'lists a language twice; keep each once')
    .default(['en'])
    .transform((codes) => codes as Language[]),
  /** Custom domain written to CNAME for GitHub Pages: a bare host name, the one of site.url. */
  domain: z
    .string()
    .regex(/^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/, 'must be a bare host name in lowercase, such as status.example.com (no https://, path or port)')
    .optional(),
  /** Show each incident's record of promises kept and time to first update (page and API). */
  show_promise_record: z.boolean().default(true),
  /**
   * Show the site as of this moment rather than the build time: a snapshot, as the example content
   * is. Pages, feeds, the API and the check all use it, and the visitor's browser does not move the
   * page on. Remove it for a live status page. CANDOR_NOW still takes precedence.
   */
  as_of: timeField.optional(),
}).transform((site) => ({ ...site, locale: site.locale ?? LANGUAGES[site.languages[0]!].locale }));

export const componentSchema = z.strictObject({
  id,
  name: z.string().min(1, 'empty; write the name customers see'),
  description: z.string().optional(),
  group: id.optional(),
  /** Uptime counts from this date when it is within the last 90 days. */
  since: date.optional(),
  /** Hide the component while it is operational (Statuspage's "only show if degraded"). */
  only_show_if_degraded: z.boolean().default(false),
});

export const groupSchema = z.strictObject({
  id,
  name: z.string().min(1, 'empty; write the name customers see'),
  description: z.string().optional(),
});

/** A link customers may follow: a web address with a host, an email address or a phone number, read as a browser would. */
const supportUrl = z.string().refine(
  (value) => {
    if (/\s/.test(value)) return false;
    try {
      const url = new URL(value);
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.hostname !== '' && !url.username && !url.password;
      return url.protocol === 'mailto:' || url.protocol === 'tel:';
    } catch {
      return false;
    }
  },
  'must be a web, mail or phone link without spaces; write it like https://help.example.com, mailto:support@example.com or tel:+15551234567',
);

export const supportLinkSchema = z.strictObject({
  label: z.string().min(1, 'empty; write the text of the link'),
  url: supportUrl,
});

const secretName = z
  .string()
  .regex(
    /^[A-Z][A-Z0-9_]*$/,
    'must be the NAME of a repository secret (such as SLACK_WEBHOOK_URL), never the secret itself; store the value as a repository secret and write its name here',
  );

const httpsUrl = (example: string) =>
  z.url({ protocol: /^https?$/, message: `must be a full http(s) address; write it like ${example}` }).refine((v) => URL.canParse(v) && !new URL(v).username && !new URL(v).password, `holds a user name or password; write the address only, like ${example}, and keep credentials in a secret`);

const emailAddress = z.string().regex(/^(?:[^<>@\n]*<[^<>@\s]+@[^<>@\s]+\.[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+\.[^<>@\s]+)$/, 'not an email address; write it like status@example.com or "Example status <status@example.com>"');

/** What a channel receives. */
export const NOTIFICATION_EVENTS = ['incidents', 'maintenance', 'postmortems'] as const;

/** Fields each channel type needs beyond `type` and `secret`, and those it may have. */
const CHANNEL_FIELDS = {
  slack: { required: [], optional: [] },
  discord: { required: [], optional: [] },
  teams: { required: [], optional: [] },
  webhook: { required: ['signing_secret'], optional: [] },
  email: { required: ['to', 'from'], optional: ['unsubscribe'] },
  mastodon: { required: ['instance'], optional: ['account'] },
  bluesky: { required: ['handle'], optional: ['service'] },
  github: { required: ['issue'], optional: [] },
} as const satisfies Record<string, { required: readonly string[]; optional: readonly string[] }>;

export const CHANNEL_TYPES = Object.keys(CHANNEL_FIELDS) as (keyof typeof CHANNEL_FIELDS)[];
const TYPE_FIELDS = ['signing_secret', 'to', 'from', 'unsubscribe', 'instance', 'account', 'handle', 'service', 'issue'] as const;

export const notificationSchema = z
  .strictObject({
    /** Names the channel in the ledger and the job summary; default `<type>-<secret>`. Changing it makes the channel new. */
    id: id.optional(),
    type: z.enum(CHANNEL_TYPES),
    /**
     * Name of the repository secret (an environment variable in the workflow) that holds the
     * webhook URL, the SMTP URL (smtps://user:password@host), or the access token or app password.
     */
    secret: secretName,
    /** Only notify for these components; all when absent. */
    components: z.array(id).optional(),
    /** What the channel receives; all when absent. */
    events: z.array(z.enum(NOTIFICATION_EVENTS)).min(1, 'empty; list what the channel receives, such as [incidents, maintenance]').optional(),
    /** webhook: name of the secret shared with the receiver, which signs each delivery. */
    signing_secret: secretName.optional(),
    /** email: the recipients, such as a mailing list's address. */
    to: z.union([emailAddress, z.array(emailAddress).min(1, 'empty; list at least one address')]).optional(),
    /** email: the sender, such as "Brightpay status <status@brightpay.example>". */
    from: emailAddress.optional(),
    /** email: the list's unsubscribe link (https: or mailto:), sent as List-Unsubscribe. */
    unsubscribe: z.string().regex(/^(?:https:\/\/|mailto:)\S+$/, 'must be an https: or mailto: link; write it like https://lists.example.com/unsubscribe').optional(),
    /** mastodon: the server the account is on. */
    instance: httpsUrl('https://mastodon.social').optional(),
    /** mastodon: the account's handle, shown on /subscribe/, such as @brightpay. */
    account: z.string().regex(/^@?[A-Za-z0-9_]+(?:@[A-Za-z0-9.-]+)?$/, 'not a Mastodon handle; write it like @brightpay').optional(),
    /** bluesky: the account's handle, such as brightpay.bsky.social. */
    handle: z.string().regex(/^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}$/, 'not a Bluesky handle; write it like brightpay.bsky.social').optional(),
    /** github (team_notifications only): the issue whose comments remind the owners, by mention. */
    issue: z.number().int().positive('must be an issue number, such as 12').optional(),
    /** bluesky: the account's PDS; default https://bsky.social. */
    service: httpsUrl('https://bsky.social').optional(),
  })
  .superRefine((n, ctx) => {
    const fields = CHANNEL_FIELDS[n.type];
    for (const field of fields.required) {
      if (n[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: `${an(n.type)} channel needs "${field}"; add ${field}: with a value` });
    }
    const allowed: readonly string[] = [...fields.required, ...fields.optional];
    for (const field of TYPE_FIELDS) {
      if (n[field] !== undefined && !allowed.includes(field)) ctx.addIssue({ code: 'custom', path: [field], message: `${an(n.type)} channel does not use "${field}"; remove it${allowed.length ? ` (it takes ${allowed.join(', ')})` : ''}` });
    }
  });

const an = (word: string) => `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;

export type NotificationConfig = z.output<typeof notificationSchema>;

export const notifySettingsSchema = z.strictObject({
  /** Nothing older than this is ever sent: an update found late is left to the page and feeds. */
  max_age_hours: z.number().positive('must be more than 0; write a number of hours, such as 24').default(24),
  /** Remind channels of maintenance this many hours before its window starts. */
  maintenance_reminders_hours: z.array(z.number().positive('must be more than 0; write hours such as 24')).default([24]),
  /** The branch of this repository that keeps the ledger of what was sent. */
  ledger_branch: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/, 'not a branch name; write it like candor-ledger').default('candor-ledger'),
});

/** Who communicates, and how the team is reminded before a promise lapses. */
export const communicationSchema = z.strictObject({
  /** The owners of an incident or maintenance that names none. */
  owners: z.array(ownerHandle).default([]),
  /** Remind this many minutes before a next-update promise is due. */
  reminder_lead_minutes: z.number().positive('must be more than 0; write a number of minutes, such as 10').default(10),
  /** Show the summary of the last 90 days and year (candor report) on the history page. */
  show_report: z.boolean().default(false),
});

/** Ways to follow the status that live elsewhere, listed on /subscribe/. */
export const subscribeSchema = z.strictObject({
  /** The mailing list's own sign-up page. */
  email: httpsUrl('https://lists.example.com/status').optional(),
  /** Other places the status is posted: social accounts, community channels. */
  links: z.array(supportLinkSchema).default([]),
});

export const maintenanceSettingsSchema = z.strictObject({
  /** Announce maintenance at least this many days ahead, or the check warns. */
  notice_days: z.number().int().min(0, 'less than 0; write a number of days, such as 7').default(7),
  /** Show upcoming maintenance on the home page this many days ahead. */
  horizon_days: z.number().int().min(1, 'less than 1; write a number of days, such as 7').default(7),
  /** Warn when a window is longer than this many hours. */
  max_window_hours: z.number().positive('must be more than 0; write a number of hours, such as 12').default(12),
});

export const configSchema = z.strictObject({
  site: siteSchema,
  components: z.array(componentSchema).min(1, 'empty; list at least one component, with an id and a name'),
  groups: z.array(groupSchema).default([]),
  support: z.array(supportLinkSchema).default([]),
  notifications: z.array(notificationSchema).default([]),
  notify: notifySettingsSchema.prefault({}),
  /** Channels for the team's reminders (not for customers): the same types as notifications. */
  team_notifications: z.array(notificationSchema).default([]),
  communication: communicationSchema.prefault({}),
  subscribe: subscribeSchema.prefault({}),
  maintenance: maintenanceSettingsSchema.prefault({}),
});

export type Config = z.output<typeof configSchema>;
export type ComponentConfig = Config['components'][number];
export type GroupConfig = Config['groups'][number];

/** The configuration as JSON Schema, for editors (completion and checks in candor.config.yaml). */
export function configJsonSchema(): string {
  return `${JSON.stringify(z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' }), null, 2)}\n`;
}
