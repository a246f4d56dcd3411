import { makeBadge } from 'badge-maker';
import type { PageStatus } from '../core/rules/status.ts';
import type { ComponentStatus } from '../core/status.ts';
import type { Translator } from '../i18n/translate.ts';
import { STATUS_COLOR } from './colors.ts';
import { INDICATOR_TONE } from './labels.ts';


export interface BadgeContent {
  label: string;
  message: string;
  color: string;
}

/** The page's badge, in the words of `t` (the site's first language: badges are the same in every language). */
export function pageBadge(status: PageStatus, t: Translator): BadgeContent {
  return { label: t('badge.label'), message: t('banner.state', { state: status.state }), color: STATUS_COLOR[INDICATOR_TONE[status.indicator]] };
}

export function componentBadge(name: string, status: ComponentStatus, t: Translator): BadgeContent {
  return { label: name, message: t('badge.componentStatus', { status }), color: STATUS_COLOR[status] };
}

export function badgeSvg(b: BadgeContent): string {
  return makeBadge({ label: b.label, message: b.message, color: b.color, style: 'flat' });
}

/** shields.io's endpoint format, for a badge drawn by shields.io in the user's own style. */
export function shieldsEndpoint(b: BadgeContent): { schemaVersion: 1; label: string; message: string; color: string } {
  return { schemaVersion: 1, label: b.label, message: b.message, color: b.color.replace('#', '') };
}
