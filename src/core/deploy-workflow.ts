import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { channelId } from './config.ts';
import type { Problems } from './problems.ts';
import type { Config } from './schema/config.ts';
import { parseYaml } from './yaml.ts';

export const DEPLOY_WORKFLOW = '.github/workflows/deploy.yml';

/**
 * A channel whose secret the Deploy workflow does not hand to `candor notify` would send nothing,
 * silently: the workflow cannot read the configuration, so the check compares them.
 */
export function checkNotifySecrets(root: string, config: Config, problems: Problems): void {
  const path = join(root, DEPLOY_WORKFLOW);
  const channels = [...config.notifications, ...config.team_notifications];
  if (channels.length === 0 || !existsSync(path)) return;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return;
  }
  const yaml = parseYaml(text);
  const jobs = (yaml.data as { jobs?: unknown } | undefined)?.jobs;
  if (!isObject(jobs)) return;
  for (const [job, value] of Object.entries(jobs)) {
    const steps = isObject(value) && Array.isArray(value['steps']) ? (value['steps'] as unknown[]) : [];
    const index = steps.findIndex((s) => isObject(s) && typeof s['run'] === 'string' && /\bcandor\b.*\bnotify\b/.test(s['run']));
    if (index < 0) continue;
    const env = (steps[index] as Record<string, unknown>)['env'];
    const passed = isObject(env) ? Object.keys(env) : [];
    for (const channel of channels) {
      for (const name of [channel.secret, channel.signing_secret]) {
        if (name === undefined || passed.includes(name)) continue;
        problems.warn(
          DEPLOY_WORKFLOW,
          yaml.locate(['jobs', job, 'steps', index, ...(isObject(env) ? ['env'] : [])]),
          `The channel ${channelId(channel)} reads the secret ${name}, which the step that runs candor notify does not pass: it would send nothing.`,
          `Add "${name}: \${{ secrets.${name} }}" under that step's env:, and the secret itself under Settings → Secrets and variables → Actions.`,
        );
      }
    }
    return;
  }
  problems.warn(DEPLOY_WORKFLOW, undefined, 'Channels are configured under notifications: or team_notifications:, but no step of the Deploy workflow runs candor notify: nothing would be sent.', 'Add the notify job of Candor\'s Deploy workflow (see the README, "Notifications").');
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
