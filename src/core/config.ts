import type { Config, NotificationConfig } from './schema/config.ts';

// Questions about a validated configuration, for pages, notifications and the command line alike
// (reading and validating it is read.ts's).

const namesByConfig = new WeakMap<Config, ReadonlyMap<string, string>>();

/** Component id → name, built once per configuration. */
export function componentNames(config: Config): ReadonlyMap<string, string> {
  let names = namesByConfig.get(config);
  if (!names) namesByConfig.set(config, (names = new Map(config.components.map((c) => [c.id, c.name]))));
  return names;
}

/** The site is a snapshot when it is shown at its `site.as_of` (not overridden by CANDOR_NOW). */
export function isSnapshot(config: Config, now: Date): boolean {
  return config.site.as_of?.getTime() === now.getTime();
}

/** The channel's name in the ledger and the job summary: its `id`, else its type and secret's name. */
export function channelId(n: NotificationConfig): string {
  return n.id ?? (n.type === 'github' ? `github-issue-${n.issue}` : `${n.type}-${n.secret.toLowerCase().replace(/_/g, '-')}`);
}
