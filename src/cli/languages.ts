import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fillTemplate, readTemplate, type TemplateName, type TemplateValues } from '../authoring/templates.ts';
import type { Config } from '../core/schema/config.ts';
import { englishName, isLanguage, type Language, LANGUAGES, writeLanguage } from '../i18n/languages.ts';
import { type CliContext, UsageError } from './context.ts';
import { composeMessage } from './message.ts';

const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A file's translation: `<id>.md` → `<id>.<code>.md`, `<id>.postmortem.md` → `<id>.postmortem.<code>.md`. */
export const translationPath = (file: string, language: Language) => file.replace(/\.md$/, `.${language}.md`);

/** The site's languages a file (path from the project root) already has a translation into. */
export const translatedInto = (ctx: CliContext, config: Config, file: string): Language[] => (config.site.languages as Language[]).filter((l) => existsSync(join(ctx.root, translationPath(file, l))));

/** `--translation de=Text` (repeatable): a value per language, by the language's code. */
export function perLanguage(values: readonly string[] | undefined, flag: string): Map<Language, string> {
  const out = new Map<Language, string>();
  for (const value of values ?? []) {
    const at = value.indexOf('=');
    const code = at > 0 ? value.slice(0, at).trim() : '';
    if (!code) throw new UsageError(`--${flag} ${value}: write it as language=text, such as --${flag} de="…".`);
    if (!isLanguage(code)) throw new UsageError(`--${flag} ${value}: "${code}" is not a language Candor has: ${writeLanguage(code)}.`);
    const text = value.slice(at + 1).trim();
    if (!text) throw new UsageError(`--${flag} ${code}= is empty: give the text, or leave the flag out.`);
    if (out.has(code)) throw new UsageError(`--${flag} ${code}= is given twice: give it once.`);
    out.set(code, text);
  }
  return out;
}

/**
 * The languages to write translations in, besides the site's first (the entry's own file): those
 * given with --language (repeatable, or "de,fr") or by a --translation or --translation-title, and
 * `keep` (those an entry is already translated into); in a terminal with no --language, the responder
 * picks. `--language none` writes the first language alone. In the site's order.
 */
export async function chooseLanguages(ctx: CliContext, config: Config, given: readonly string[] | undefined, also: ReadonlyMap<string, Iterable<Language>>, keep: readonly Language[] = []): Promise<Language[]> {
  const [first, ...others] = config.site.languages as [Language, ...Language[]];
  const none = given?.length === 1 && given[0]!.trim() === 'none';
  if (none) {
    const named = [...also].find(([, codes]) => [...codes].length > 0);
    if (named) throw new UsageError(`--language none writes no translation, but ${named[0]} gives one: leave one of them out.`);
    return [];
  }
  const check = (code: string, flag: string): Language => {
    if (!isLanguage(code)) throw new UsageError(`${flag} ${code}: not a language Candor has: ${writeLanguage(code)}.`);
    if (code === first) throw new UsageError(`${flag} ${code}: ${englishName(code)} is the site's first language, which the entry's own file is in. Name the others${others.length ? ` (${others.join(', ')})` : ''}.`);
    if (!others.includes(code)) throw new UsageError(`${flag} ${code}: the site is not in ${englishName(code)}. Add "${code}" to site.languages in candor.config.yaml first.`);
    return code;
  };
  const named = (given ?? []).flatMap((g) => g.split(',')).map((s) => s.trim()).filter(Boolean).map((code) => check(code, '--language'));
  for (const [flag, codes] of also) for (const code of codes) named.push(check(code, flag));
  if (given === undefined && named.length === 0 && ctx.prompter && others.length > 0) {
    return ctx.prompter.multiselect({ message: 'Also write it in (space to pick, enter when done)', options: others.map((l) => ({ value: l, label: `${LANGUAGES[l].name} (${l})` })), initialValues: [...keep] });
  }
  const chosen = new Set([...keep, ...named]);
  return others.filter((l) => chosen.has(l));
}

export interface TranslatedText {
  /** The text given with --translation, by language. */
  given: ReadonlyMap<Language, string>;
  /** True when --message gave the first language's text: a template cannot stand in for its translation. */
  messageGiven: boolean;
  template: TemplateName | undefined;
  /** The template's values in a language (component names, times and durations written its way). */
  values: (language: Language) => TemplateValues;
  editName: (language: Language) => string;
  edit?: boolean | undefined;
}

/** The update's text in each language: given, or its template in that language, filled in (and shown in a terminal). */
export async function translatedMessages(ctx: CliContext, languages: readonly Language[], o: TranslatedText): Promise<Map<Language, string>> {
  const out = new Map<Language, string>();
  for (const language of languages) {
    const flag = `--translation ${language}="…"`;
    const given = o.given.get(language);
    if (given === undefined && o.messageGiven && !ctx.prompter && !o.edit) {
      throw new UsageError(`--message gives the text in the site's first language; give the ${englishName(language)} text too, with ${flag}, or write no translation now with --language none and translate it later.`);
    }
    out.set(
      language,
      await composeMessage(ctx, {
        flag: given,
        template: o.template ? () => fillTemplate(readTemplate(ctx.root, o.template!, language, `pass the text with ${flag}, or write no translation now with --language none`), o.values(language)) : undefined,
        templateName: o.template ? `${language}/${o.template}` : undefined,
        editName: o.editName(language),
        edit: o.edit,
        flagName: flag,
        language: `${LANGUAGES[language].name} (${englishName(language)})`,
      }),
    );
  }
  return out;
}

/** A translated title: --translation-title, else asked in a terminal (empty: translated later). */
export async function translatedTitle(ctx: CliContext, language: Language, given: ReadonlyMap<Language, string>, original: string): Promise<string | undefined> {
  const title = given.get(language) ?? (ctx.prompter ? await ctx.prompter.text({ message: `${sentence(englishName(language))} title (empty to translate it later)`, placeholder: original }) : undefined);
  return title?.trim() || undefined;
}
