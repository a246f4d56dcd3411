import { makeBadge } from 'badge-maker';
import type { PageStatus } from '../core/rules/status.ts';
import { type ComponentStatus, statusLabel } from '../core/status.ts';
import { STATUS_COLOR } from './colors.ts';
import { INDICATOR_TONE } from './labels.ts';


export interface BadgeContent {
  label: string;
  message: string;
  color: string;
}

export function pageBadge(status: PageStatus): BadgeContent {
  return { label: 'status', message: status.description, color: STATUS_COLOR[INDICATOR_TONE[status.indicator]] };
}

export function componentBadge(name: string, status: ComponentStatus): BadgeContent {
  return { label: name, message: statusLabel(status).toLowerCase(), color: STATUS_COLOR[status] };
}

export function badgeSvg(b: BadgeContent): string {
  return makeBadge({ label: b.label, message: b.message, color: b.color, style: 'flat' });
}

/** shields.io's endpoint format, for a badge drawn by shields.io in the user's own style. */
export function shieldsEndpoint(b: BadgeContent): { schemaVersion: 1; label: string; message: string; color: string } {
  return { schemaVersion: 1, label: b.label, message: b.message, color: b.color.replace('#', '') };
}
