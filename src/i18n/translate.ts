import { IntlMessageFormat } from 'intl-messageformat';
import { type Language, LANGUAGES } from './languages.ts';
import ar from './messages/ar.ts';
import de from './messages/de.ts';
import en from './messages/en.ts';
import es from './messages/es.ts';
import fr from './messages/fr.ts';
import it from './messages/it.ts';
import ja from './messages/ja.ts';
import nl from './messages/nl.ts';
import pl from './messages/pl.ts';
import ptBR from './messages/pt-BR.ts';
import zhHans from './messages/zh-Hans.ts';

export type MessageKey = keyof typeof en;
/** A catalogue: a message for every key of the English one, and no other. */
export type Catalogue = Record<MessageKey, string>;

export const CATALOGUES: Record<Language, Catalogue> = { en, de, fr, es, 'pt-BR': ptBR, it, nl, pl, ja, 'zh-Hans': zhHans, ar };

export type MessageValues = Record<string, string | number | Date>;

export interface Translator {
  language: Language;
  /** The message `key` with its values filled in. */
  (key: MessageKey, values?: MessageValues): string;
  /**
   * The message as pieces of text, with each value named in `slots` left as `{ slot }` for markup in
   * its place (a link, a <time>); the text is still to be escaped where it is inserted.
   */
  parts(key: MessageKey, slots: readonly string[], values?: MessageValues): (string | { slot: string })[];
}

// A message without ICU syntax (no placeholder, quote or tag) is its own text: most of a catalogue.
const compiled = new Map<string, IntlMessageFormat | string>();
const ICU_SYNTAX = /[{}'<]/;
const MARK = '\u0000';

const translators = new Map<Language, Translator>();
/** Messages each translator keeps, formatted, before it starts afresh. */
const REMEMBERED = 20_000;

/** Formats the messages of one language's catalogue (compiled once per process). */
export function translator(language: Language): Translator {
  let t = translators.get(language);
  if (!t) translators.set(language, (t = makeTranslator(language)));
  return t;
}

function makeTranslator(language: Language): Translator {
  const { locale } = LANGUAGES[language];
  // A message with the same values reads the same every time, and a build asks for the same words
  // (the navigation, the site's title, the footer) on each of thousands of pages.
  const remembered = new Map<string, string>();
  const format = (key: MessageKey, values?: MessageValues) => {
    let asked: string = key;
    // Separators no text of a site can hold (control characters are refused in content).
    if (values) for (const name in values) asked += `\u0002${name}\u0003${valueKey(values[name])}`;
    const known = remembered.get(asked);
    if (known !== undefined) return known;
    const id = `${language}\u0001${key}`;
    let message = compiled.get(id);
    if (message === undefined) {
      const source = CATALOGUES[language][key];
      compiled.set(id, (message = ICU_SYNTAX.test(source) ? new IntlMessageFormat(source, locale) : source));
    }
    const text = typeof message === 'string' ? message : String(message.format(values));
    if (remembered.size >= REMEMBERED) remembered.clear();
    remembered.set(asked, text);
    return text;
  };
  const t = ((key: MessageKey, values?: MessageValues) => format(key, values)) as Translator;
  Object.defineProperty(t, 'language', { value: language });
  t.parts = (key, slots, values) => {
    const marked = format(key, { ...values, ...Object.fromEntries(slots.map((slot, k) => [slot, `${MARK}${k}${MARK}`])) });
    return marked.split(MARK).flatMap((piece, k): (string | { slot: string })[] => (k % 2 === 1 ? [{ slot: slots[Number(piece)]! }] : piece ? [piece] : []));
  };
  return t;
}

/** A value as part of a remembered message's key: its type and what it is. */
function valueKey(value: string | number | Date | undefined): string {
  return value === undefined ? 'u' : value instanceof Date ? `d${value.getTime()}` : typeof value === 'number' ? `n${value}` : `s${value}`;
}

const displayNames = new Map<Language, Intl.DisplayNames>();

/** A language's name in the translator's language ("Englisch" in German), for notes about text in it. */
export function languageName(t: Translator, language: Language): string {
  let names = displayNames.get(t.language);
  if (!names) displayNames.set(t.language, (names = new Intl.DisplayNames([LANGUAGES[t.language].locale], { type: 'language', fallback: 'none' })));
  return names.of(language) ?? LANGUAGES[language].name;
}

/** A length of time as the catalogue writes it: minutes under an hour, then hours and minutes, then days and hours. */
export function duration(t: Translator, ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return t('duration', { shape: 'm', m: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t('duration', minutes % 60 ? { shape: 'hm', h: hours, m: minutes % 60 } : { shape: 'h', h: hours });
  const days = Math.floor(hours / 24);
  return t('duration', hours % 24 ? { shape: 'dh', d: days, h: hours % 24 } : { shape: 'd', d: days });
}
