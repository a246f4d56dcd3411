import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEMPLATES_DIR } from '../core/read.ts';
import { englishName, type Language, LANGUAGES } from '../i18n/languages.ts';
import { type Placeholder, PLACEHOLDERS, SECTIONS, templateMistakes } from '../core/template-text.ts';


/** The messages a responder starts from, one file each in incidents/_templates/. */
export const TEMPLATES = {
  acknowledge: 'acknowledge.md',
  identified: 'identified.md',
  monitoring: 'monitoring.md',
  update: 'update.md',
  resolved: 'resolved.md',
  'maintenance-announcement': 'maintenance-announcement.md',
  'maintenance-complete': 'maintenance-complete.md',
  postmortem: 'postmortem.md',
} as const;
export type TemplateName = keyof typeof TEMPLATES;

/** The template each kind of update starts from; a status with none asks for the text. */
export const TEMPLATE_FOR_STATUS: Record<'incident' | 'maintenance', Partial<Record<string, TemplateName>>> = {
  incident: { investigating: 'acknowledge', identified: 'identified', monitoring: 'monitoring', update: 'update', resolved: 'resolved' },
  maintenance: { scheduled: 'maintenance-announcement', completed: 'maintenance-complete' },
};

/** A template that cannot be used as it is; the CLI prints the message and writes nothing. */
export class TemplateError extends Error {}

/**
 * A template in a language: `_templates/<code>/<name>.md`, and for English also `_templates/<name>.md`
 * (the folder's own files are English). `instead` says what else the responder can do, for the message.
 */
export function readTemplate(root: string, name: TemplateName, language: Language, instead = 'pass the text with --message'): string {
  const own = `${TEMPLATES_DIR}/${language}/${TEMPLATES[name]}`;
  const file = language === 'en' && !existsSync(join(root, own)) ? `${TEMPLATES_DIR}/${TEMPLATES[name]}` : own;
  const path = join(root, file);
  if (!existsSync(path)) {
    const how = language === 'en' ? 'restore it' : `write it in ${englishName(language)} (${TEMPLATES_DIR}/${TEMPLATES[name]} is the English one)`;
    throw new TemplateError(`The message template ${file} is missing: ${how}, or ${instead}.`);
  }
  const text = readFileSync(path, 'utf8');
  const mistakes = templateMistakes(text);
  if (mistakes.length) {
    throw new TemplateError(`Nothing was written: ${mistakes.map((u) => `${file}:${u.line}:${u.column}: ${u.message}`).join('\n')}\nFix the template, or ${instead}.`);
  }
  return text;
}

export type TemplateValues = { [K in Placeholder]?: string | undefined } & { [K in (typeof SECTIONS)[number]]?: boolean | undefined };

const PLACEHOLDER = new RegExp(`\\{\\{\\s*(${PLACEHOLDERS.join('|')})\\s*\\}\\}`, 'g');
const PLACEHOLDER_THEN_STOP = new RegExp(`${PLACEHOLDER.source}(\\.)?`, 'g');
const SECTION = new RegExp(`\\{\\{\\s*#\\s*(${SECTIONS.join('|')})\\s*\\}\\}([\\s\\S]*?)\\{\\{\\s*/\\s*\\1\\s*\\}\\}`, 'g');

/**
 * Fills a template: optional passages are kept or dropped, then placeholders replaced. A line whose
 * only placeholders have no value is dropped, so an unset promise leaves no "We will post the next
 * update by ." behind. Guidance in double braces stays, for the writer to replace (the check refuses it).
 */
export function fillTemplate(text: string, values: TemplateValues): string {
  const chosen = text.replace(/\r\n/g, '\n').replace(SECTION, (_, name: (typeof SECTIONS)[number], body: string) => (values[name] ? body : ''));
  const out: string[] = [];
  for (const line of chosen.split('\n')) {
    const names = [...line.matchAll(PLACEHOLDER)].map((m) => m[1] as Placeholder);
    if (names.length > 0 && names.every((n) => !values[n])) continue;
    // A value that ends a sentence with its own full stop ("40 Min.") does not get a second one.
    out.push(
      line.replace(PLACEHOLDER_THEN_STOP, (_, n: Placeholder, stop = '') => {
        const value = values[n] ?? '';
        return value.endsWith('.') ? value : value + stop;
      }),
    );
  }
  return out.join('\n').trim();
}

/**
 * A component's name as a sentence says it: "the API", "the Dashboard"; plural and compound names
 * read on their own ("Webhooks", "Card payments", "Sign-in and SSO").
 */
export function inSentence(name: string): string {
  if (/^(the|our|your)\s/i.test(name) || /\s(and|or)\s|[&/+,]/i.test(name) || /s$/i.test(name.trim())) return name;
  return `the ${name}`;
}

/**
 * "the API", "the API and the Dashboard", "the API, the Dashboard and Webhooks"; in other languages
 * the names as that language lists them ("API und Dashboard", "API、Dashboard").
 */
export function listNames(names: readonly string[], language: Language = 'en'): string {
  if (language !== 'en') return new Intl.ListFormat(LANGUAGES[language].locale, { type: 'conjunction' }).format(names);
  const words = names.map(inSentence);
  if (words.length <= 1) return words[0] ?? '';
  // A name with "and" in it is set apart by a comma, so the list still reads as a list.
  const last = words.some((w) => /\sand\s/i.test(w)) ? ', and ' : ' and ';
  return `${words.slice(0, -1).join(', ')}${last}${words[words.length - 1]}`;
}
