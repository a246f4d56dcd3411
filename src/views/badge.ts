import { makeBadge } from 'badge-maker';
import type { Indicator, PageStatus } from '../core/rules/status.ts';
import { type ComponentStatus, statusLabel } from '../core/status.ts';
import { INDICATOR_TONE } from './labels.ts';

/** Badge colours with dark enough backgrounds for white text. */
const COLOR: Record<ComponentStatus, string> = {
  operational: '#1a7f37',
  degraded_performance: '#9a6700',
  partial_outage: '#bc4c00',
  major_outage: '#cf222e',
  under_maintenance: '#0969da',
};

export interface BadgeContent {
  label: string;
  message: string;
  color: string;
}

export function pageBadge(status: PageStatus): BadgeContent {
  return { label: 'status', message: status.description, color: COLOR[INDICATOR_TONE[status.indicator as Indicator]] };
}

export function componentBadge(name: string, status: ComponentStatus): BadgeContent {
  return { label: name, message: statusLabel(status).toLowerCase(), color: COLOR[status] };
}

export function badgeSvg(b: BadgeContent): string {
  return makeBadge({ label: b.label, message: b.message, color: b.color, style: 'flat' });
}

/** shields.io's endpoint format, for a badge drawn by shields.io in the user's own style. */
export function shieldsEndpoint(b: BadgeContent): { schemaVersion: 1; label: string; message: string; color: string } {
  return { schemaVersion: 1, label: b.label, message: b.message, color: b.color.replace('#', '') };
}
