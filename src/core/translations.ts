import { englishName as nameOf, type Language } from '../i18n/languages.ts';
import type { Entry, Postmortem, PostmortemTranslation, Translation, Update } from './model.ts';
import type { Problems } from './problems.ts';
import type { Sources } from './read.ts';
import type { Config } from './schema/config.ts';
import { resolvedAt } from './rules/incident.ts';
import { maintenanceStatus } from './rules/maintenance.ts';
import { formatUtc } from './time.ts';

// Incident text in the site's other languages: `<id>.<lang>.md` beside `<id>.md` (and
// `<id>.postmortem.<lang>.md`), each update under the same heading as the one it translates.


/**
 * Gives each entry and post-mortem its translations, and keeps them in step: a translation is into
 * one of the site's other languages, of a file that exists, and each of its updates has the time and
 * status of one of the entry's (errors); an update or an open entry not translated yet is a warning.
 */
export function attachTranslations(
  entries: readonly Entry[],
  translations: readonly (Translation | PostmortemTranslation)[],
  config: Config,
  sources: Sources,
  now: Date,
  problems: Problems,
): void {
  const { incidentIds } = sources;
  // Files by name, read or not: one with errors of its own is reported as such, not as missing.
  const files = new Set(sources.jobs.map((job) => `${job.id}${job.postmortem ? '.postmortem' : ''}${job.language ? `.${job.language}` : ''}`));
  const [first, ...others] = config.site.languages as [Language, ...Language[]];
  const byId = new Map(entries.map((e) => [e.id, e]));
  for (const translation of translations) {
    const { file, language, id } = translation;
    if (language === first) {
      problems.error(file, undefined, `A translation into ${nameOf(language)}, the site's first language, which ${id}.md itself is written in.`, `Put the text in incidents/${id}.md, or remove this file.`);
      continue;
    }
    if (!others.includes(language)) {
      problems.error(file, undefined, `A translation into ${nameOf(language)} (${language}), which is not one of site.languages (${config.site.languages.join(', ')}): no page would show it.`, `Add ${language} to site.languages in candor.config.yaml, or remove this file.`);
      continue;
    }
    const entry = byId.get(id);
    // An entry with errors of its own is not there: those errors are reported, this file waits for it.
    if (!entry) {
      if (!incidentIds.has(id)) problems.error(file, undefined, `The translation has nothing to translate: there is no incidents/${id}.md.`, `Name it after the incident's file (<incident-id>.${language}.md), or add the incident.`);
      continue;
    }
    if (!('updates' in translation)) {
      if (entry.postmortem) {
        (entry.postmortem.translations ??= {})[language] = translation;
        if (!entry.postmortem.draft) problems.list.push(...translation.unfinished);
        if (entry.postmortem.title !== undefined && translation.title === undefined && !entry.postmortem.draft) {
          problems.warn(file, { line: 1, column: 1 }, `No title: the post-mortem's own, "${entry.postmortem.title}", is in ${nameOf(first)}; the ${nameOf(language)} page names it after the incident instead.`, 'Add "title:" in this language to the frontmatter.');
        }
      } else if (!files.has(`${id}.postmortem`)) problems.error(file, undefined, `The post-mortem translation has no post-mortem: there is no incidents/${id}.postmortem.md.`, 'Write the post-mortem first (candor postmortem), then translate it.');
      continue;
    }
    if (!entry.draft) keepInStep(entry, translation, first, problems);
    (entry.translations ??= {})[language] = translation;
  }
  for (const entry of entries) {
    if (entry.draft || !isOpen(entry, now)) continue;
    for (const language of others) {
      if (files.has(`${entry.id}.${language}`)) continue;
      problems.warn(
        entry.file,
        undefined,
        `No ${nameOf(language)} translation of this open ${entry.kind}: its ${nameOf(language)} pages show it in ${nameOf(first)}, with a note.`,
        `Add incidents/${entry.id}.${language}.md with the title and each update's text, under the same headings as here.`,
      );
    }
  }
}

/** Unresolved, or maintenance not yet completed or cancelled (by an update or by its window's end). */
function isOpen(entry: Entry, now: Date): boolean {
  if (entry.kind === 'incident') return resolvedAt(entry, now) === undefined;
  const status = maintenanceStatus(entry, now);
  return status !== 'completed' && status !== 'cancelled';
}

function keepInStep(entry: Entry, translation: Translation, first: Language, problems: Problems): void {
  const { file, language } = translation;
  const byTime = new Map(entry.updates.map((u) => [u.at.getTime(), u]));
  for (const u of translation.updates) {
    const own = byTime.get(u.at.getTime());
    if (!own) {
      const times = entry.updates.slice(0, 5).map((o) => `"## ${o.label} — ${formatUtc(o.at)}"`);
      problems.error(file, { line: u.line, column: 1 }, `${entry.file} has no update at ${formatUtc(u.at)}: a translation translates the updates there.`, `Use the heading of the update it translates, as ${entry.file} has it: ${times.join(', ')}${entry.updates.length > 5 ? ', …' : ''}.`);
    } else if (own.status !== u.status) {
      problems.error(file, { line: u.line, column: 1 }, `The update at ${formatUtc(u.at)} is "${own.label}" in ${entry.file}, "${u.label}" here.`, `Write the heading as "## ${own.label} — ${formatUtc(own.at)}": a translation keeps the statuses of the ${entry.kind}.`);
    }
  }
  const translated = new Set(translation.updates.map((u) => u.at.getTime()));
  const missing = entry.updates.filter((u) => !translated.has(u.at.getTime()));
  if (missing.length > 0) {
    const newest = missing[0]!;
    problems.warn(
      file,
      undefined,
      `${missing.length} of the ${entry.updates.length} updates of ${entry.file} ${missing.length === 1 ? 'is' : 'are'} not translated yet (the newest: "## ${newest.label} — ${formatUtc(newest.at)}"): the ${nameOf(language)} pages show ${missing.length === 1 ? 'it' : 'them'} in ${nameOf(first)}, with a note.`,
      'Add each one here, under the same heading, with its text in this language.',
    );
  }
  if (translation.title === undefined) {
    problems.warn(file, { line: translation.titleLine, column: 1 }, `No title: the ${nameOf(language)} pages show the ${nameOf(first)} one, with a note.`, 'Add "title:" in this language to the frontmatter.');
  }
}

/**
 * The entry as the pages in `language` show it: its translated title and updates, and the entry's
 * own text (in `own`, the site's first language) where there is no translation, marked as such.
 */
export function entryIn(entry: Entry, language: Language, own: Language): Entry {
  if (language === own) return entry;
  const translation = entry.translations?.[language];
  const byTime = new Map(translation?.updates.map((u) => [u.at.getTime(), u]));
  const updates = entry.updates.map((u): Update => {
    const text = byTime.get(u.at.getTime());
    return text ? { ...u, markdown: text.markdown, text: text.text, html: text.html } : { ...u, fallback: own };
  });
  const postmortem = entry.postmortem && postmortemIn(entry.postmortem, language, own);
  return {
    ...entry,
    ...(translation?.title ? { title: translation.title } : { titleFallback: own }),
    updates,
    ...(postmortem ? { postmortem } : {}),
  } as Entry;
}

function postmortemIn(postmortem: Postmortem, language: Language, own: Language): Postmortem {
  const translation = postmortem.translations?.[language];
  if (!translation) return { ...postmortem, fallback: own };
  // Without a title of its own, the page names it by the incident's title (translated, or marked).
  const { title: _own, ...rest } = postmortem;
  const { markdown, html, sections, title } = translation;
  return { ...rest, markdown, html, sections, ...(title ? { title } : {}) };
}
