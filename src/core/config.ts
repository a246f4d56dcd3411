import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { didYouMean, Problems } from './problems.ts';
import { type Config, configSchema, type NotificationConfig } from './schema/config.ts';
import { validateYaml } from './validate.ts';
import { parseYaml } from './yaml.ts';

export const CONFIG_FILE = 'candor.config.yaml';

/** Validates the text of `candor.config.yaml`: its schema, then the references between its parts. */
export function parseConfig(text: string, problems: Problems, file = CONFIG_FILE, root?: string): Config | undefined {
  const yaml = parseYaml(text);
  for (const e of yaml.errors) problems.error(file, e.at, `The configuration is not valid YAML: ${e.message}.`, 'Check indentation, and quote values that contain ": ".');
  if (yaml.errors.length) return undefined;
  const config = validateYaml(configSchema, yaml, file, problems);
  if (!config) return undefined;
  const before = problems.errors.length;

  const groupIds = config.groups.map((g) => g.id);
  const seen = new Set<string>();
  config.components.forEach((c, i) => {
    if (seen.has(c.id)) problems.error(file, yaml.locate(['components', i, 'id']), `Two components have the id "${c.id}".`, 'Give each component its own id: it is used in incident files and URLs.');
    seen.add(c.id);
    if (c.group !== undefined && !groupIds.includes(c.group)) {
      problems.error(file, yaml.locate(['components', i, 'group']), `Component "${c.id}" names an unknown group "${c.group}".${didYouMean(c.group, groupIds)}`, groupIds.length ? `Use a group id listed under "groups": ${groupIds.join(', ')}.` : `Add the group under "groups:" with an id and a name.`);
    }
  });
  config.notifications.forEach((n, i) => {
    if (n.type === 'github') problems.error(file, yaml.locate(['notifications', i, 'type']), `Notification ${i + 1} is a GitHub issue: it reminds the team, and customers never see it.`, 'Move it under team_notifications:.');
  });
  config.team_notifications.forEach((n, i) => {
    (n.components ?? []).forEach((c, k) => {
      if (!seen.has(c)) problems.error(file, yaml.locate(['team_notifications', i, 'components', k]), `Team notification ${i + 1} names an unknown component "${c}".${didYouMean(c, [...seen])}`, 'Use component ids listed under "components".');
    });
  });
  for (const list of ['notifications', 'team_notifications'] as const) {
    const channels = new Map<string, number>();
    config[list].forEach((n, i) => {
      const channel = channelId(n);
      const twin = channels.get(channel);
      if (twin !== undefined) problems.error(file, yaml.locate([list, i]), `${list} ${twin + 1} and ${i + 1} are the same channel, "${channel}": each would be sent every message.`, 'Remove one, or give each its own "id:" if they really are two channels.');
      channels.set(channel, i);
    });
  }
  config.notifications.forEach((n, i) => {
    (n.components ?? []).forEach((c, k) => {
      if (!seen.has(c)) problems.error(file, yaml.locate(['notifications', i, 'components', k]), `Notification ${i + 1} names an unknown component "${c}".${didYouMean(c, [...seen])}`, 'Use component ids listed under "components".');
    });
  });
  if (config.site.domain !== undefined && config.site.domain !== new URL(config.site.url).hostname) {
    problems.error(file, yaml.locate(['site', 'domain']), `site.domain (${config.site.domain}) is not the host of site.url (${config.site.url}).`, `Make them the same site: domain: ${new URL(config.site.url).hostname}, or change site.url.`);
  }
  if (root !== undefined && config.site.logo !== undefined && !existsSync(join(root, 'public', decodeURIComponent(config.site.logo.replace(/[?#].*$/, ''))))) {
    problems.error(file, yaml.locate(['site', 'logo']), `site.logo (${config.site.logo}) is not a file under public/.`, `Put the logo at public${config.site.logo}, or correct the path.`);
  }
  const seenGroups = new Set<string>();
  config.groups.forEach((g, i) => {
    if (seenGroups.has(g.id) || seen.has(g.id)) problems.error(file, yaml.locate(['groups', i, 'id']), `The group id "${g.id}" is already used.`, 'Group ids must differ from each other and from component ids.');
    seenGroups.add(g.id);
  });
  return problems.errors.length === before ? config : undefined;
}

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
