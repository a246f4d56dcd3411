// Status colours outside the site's stylesheet (badges, the widget): dark enough for white text and
// for a coloured edge on a white card. No imports: the widget bundles it.

export const STATUS_COLOR = {
  operational: '#1a7f37',
  degraded_performance: '#9a6700',
  partial_outage: '#bc4c00',
  major_outage: '#cf222e',
  under_maintenance: '#0969da',
} as const;

/** The colour of each page indicator and incident impact: the status it stands for. */
export const IMPACT_COLOR: Record<string, string> = {
  none: STATUS_COLOR.operational,
  minor: STATUS_COLOR.degraded_performance,
  major: STATUS_COLOR.partial_outage,
  critical: STATUS_COLOR.major_outage,
  maintenance: STATUS_COLOR.under_maintenance,
};
