import { didYouMean } from '../core/problems.ts';

/**
 * The languages Candor ships a catalogue for (messages/<code>.ts): each one's name in itself, its
 * writing direction, and the locale its dates and numbers are written in.
 */
export const LANGUAGES = {
  en: { name: 'English', dir: 'ltr', locale: 'en-US' },
  de: { name: 'Deutsch', dir: 'ltr', locale: 'de-DE' },
  fr: { name: 'Français', dir: 'ltr', locale: 'fr-FR' },
  es: { name: 'Español', dir: 'ltr', locale: 'es-ES' },
  'pt-BR': { name: 'Português (Brasil)', dir: 'ltr', locale: 'pt-BR' },
  it: { name: 'Italiano', dir: 'ltr', locale: 'it-IT' },
  nl: { name: 'Nederlands', dir: 'ltr', locale: 'nl-NL' },
  pl: { name: 'Polski', dir: 'ltr', locale: 'pl-PL' },
  ja: { name: '日本語', dir: 'ltr', locale: 'ja-JP' },
  'zh-Hans': { name: '简体中文', dir: 'ltr', locale: 'zh-CN' },
  ar: { name: 'العربية', dir: 'rtl', locale: 'ar' },
} as const satisfies Record<string, { name: string; dir: 'ltr' | 'rtl'; locale: string }>;

export type Language = keyof typeof LANGUAGES;

export const LANGUAGE_CODES = Object.keys(LANGUAGES) as Language[];

/**
 * The page's `lang`: the configured locale when it is of the same language (`en-GB` for en), else the
 * language's own code, so that assistive technology reads the text in the language it is in.
 */
export function htmlLang(language: Language, locale: string): string {
  return sameLanguage(language, locale) ? locale : language;
}

/** The locale of dates and numbers in `language`: the configured one when it is of that language, else the language's own. */
export function localeFor(language: Language, siteLocale: string): string {
  return sameLanguage(language, siteLocale) ? siteLocale : LANGUAGES[language].locale;
}

const sameLanguage = (language: Language, locale: string) => locale.split('-')[0]!.toLowerCase() === language.split('-')[0]!.toLowerCase();

/** What to write instead of a code that is not a language Candor has: the same language first (pt → pt-BR), else the closest. */
export function writeLanguage(code: string): string {
  const same = LANGUAGE_CODES.find((known) => known.split('-')[0]!.toLowerCase() === code.split(/[-_]/)[0]!.toLowerCase());
  const meant = same ?? /"([^"]+)"/.exec(didYouMean(code, LANGUAGE_CODES))?.[1];
  return `write ${meant ? `"${meant}", or ` : ''}one of ${LANGUAGE_CODES.join(', ')}`;
}

// Made when first asked: it loads the names of every language (some 20 ms), which only the check's messages need.
let english: Intl.DisplayNames | undefined;

/** A language's English name ("German"), for the check's messages to responders. */
export function englishName(language: Language): string {
  return (english ??= new Intl.DisplayNames(['en'], { type: 'language' })).of(language) ?? language;
}

export function isLanguage(code: string): code is Language {
  return Object.hasOwn(LANGUAGES, code);
}
