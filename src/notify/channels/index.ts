import type { NotificationConfig } from '../../core/schema/config.ts';
import { bluesky } from './bluesky.ts';
import type { Adapter } from './channel.ts';
import { discord } from './discord.ts';
import { email } from './email.ts';
import { github } from './github.ts';
import { mastodon } from './mastodon.ts';
import { slack } from './slack.ts';
import { teams } from './teams.ts';
import { webhook } from './webhook.ts';

export const ADAPTERS: Record<NotificationConfig['type'], Adapter> = { slack, teams, discord, webhook, email, mastodon, bluesky, github };
