// The English catalogue: every other catalogue has exactly these keys (the type checker and
// test/unit/i18n.test.ts say which are missing or extra). Messages are ICU MessageFormat:
// {name} inserts a value, {count, plural, one {…} other {…}} chooses by number.
export default {
  'site.title': '{site} status',
  'nav.skip': 'Skip to content',
  'nav.site': 'Site',
  'nav.history': 'History',
  'nav.maintenance': 'Maintenance',
  'nav.subscribe': 'Subscribe',
  'nav.support': 'Support',
  'theme.toggle': 'Theme',
  'theme.dark': 'Dark theme',
  'theme.light': 'Light theme',
  'theme.switchDark': 'Switch to the dark theme',
  'theme.switchLight': 'Switch to the light theme',
  'footer.generated': 'Generated {time}. Powered by Candor.',
} as const;
