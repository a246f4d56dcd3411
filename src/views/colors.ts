// Status colours outside the site's stylesheet (badges, the widget): dark enough for white text and
// for a coloured edge on a white card. No imports: the widget bundles it.

export const STATUS_COLOR = {
  operational: '#1a7f37',
  degraded_performance: '#9a6700',
  partial_outage: '#bc4c00',
  major_outage: '#cf222e',
  under_maintenance: '#0969da',
} as const;

/** The colour of an active incident's impact (the widget's edge); `none` is neutral, never all-clear green. */
export const IMPACT_COLOR: Record<string, string> = {
  none: '#57606a',
  minor: STATUS_COLOR.degraded_performance,
  major: STATUS_COLOR.partial_outage,
  critical: STATUS_COLOR.major_outage,
  maintenance: STATUS_COLOR.under_maintenance,
};
