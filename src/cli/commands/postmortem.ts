import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { durationText, postmortemDraft, postmortemTranslationDraft, publishPostmortem, timelineList } from '../../authoring/files.ts';
import { fillTemplate, readTemplate } from '../../authoring/templates.ts';
import { englishName, type Language } from '../../i18n/languages.ts';
import { duration, translator } from '../../i18n/translate.ts';
import { incidentDuration } from '../../core/rules/incident.ts';
import { chooseLanguages, translatedInto, translationPath } from '../languages.ts';
import { parseEntry, parsePostmortem, parsePostmortemTranslation, parseTranslation } from '../../core/parse.ts';
import { formatProblem, Problems } from '../../core/problems.ts';
import { formatUtc } from '../../core/time.ts';
import { type CliContext, editInEditor, findEntry, requireConfig, UsageError } from '../context.ts';
import type { WriteFlags } from '../flags.ts';
import { newFileChange, writeChange } from '../write.ts';

/**
 * `candor postmortem <id>`: a post-mortem draft, with the incident's timeline and duration filled in
 * and guidance for each section. `--publish` publishes the draft once every section is written.
 */
export async function newPostmortem(ctx: CliContext, id: string | undefined, flags: WriteFlags): Promise<number> {
  const config = requireConfig(ctx);
  if (!id) throw new UsageError(`Which incident? Give its id: candor postmortem <id>${flags.publish ? ' --publish' : ''}.`);
  const found = findEntry(ctx, id);
  const entry = parseEntry({ file: found.file, id, text: found.text }, { componentIds: config.components.map((c) => c.id) }, new Problems());
  if (!entry) throw new UsageError(`${found.file} does not pass the check yet; fix it first (candor check lists its problems).`);
  if (entry.kind !== 'incident') throw new UsageError(`${id} is maintenance: post-mortems are written for incidents.`);
  if (!entry.updates.some((u) => u.status === 'resolved')) ctx.err(`Note: ${entry.title} is not resolved yet.`);
  const file = found.file.replace(/\.md$/, '.postmortem.md');
  const path = join(ctx.root, file);
  if (flags.publish) {
    if (flags.language) throw new UsageError('--language drafts translations of the post-mortem; --publish publishes it with the translations it has. Run them one after the other.');
    if (!existsSync(path)) throw new UsageError(`There is no post-mortem for ${id} yet: write the draft first with "candor postmortem ${id}".`);
    const base = readFileSync(path, 'utf8');
    const current = parsePostmortem({ file, id, text: base }, new Problems());
    if (current?.published && !current.draft) throw new UsageError(`${file} is already published (published: ${formatUtc(current.published)}): nothing was written.`);
    if (current?.published) ctx.err(`Note: its published date (${formatUtc(current.published)}) becomes now, when it is published.`);
    // Its translations are published with it, so each must be finished too.
    for (const language of config.site.languages as Language[]) {
      const translation = translationPath(file, language);
      if (!existsSync(join(ctx.root, translation))) continue;
      const problems = new Problems();
      const read = parsePostmortemTranslation({ file: translation, id, text: readFileSync(join(ctx.root, translation), 'utf8') }, language, problems);
      const left = [...problems.errors, ...(read?.unfinished ?? [])];
      if (left.length) {
        throw new UsageError(`Nothing was written: its ${englishName(language)} translation is not finished, and would be published with it.\n${left.map(formatProblem).join('\n')}\nFinish it, or remove ${translation} to publish without it.`);
      }
    }
    const text = publishPostmortem(flags.edit ? editInEditor(ctx, base, `${id}.postmortem.md`) : base, ctx.now);
    // The check refuses a post-mortem with guidance or an empty section left, and keeps the text.
    await writeChange(ctx, config, { file, id, kind: 'postmortem', summary: `Post-mortem: ${entry.title}`, base, apply: () => text, replayable: false }, flags.pr ?? false);
    ctx.out(`Published: customers see it on the next deploy, at /incidents/${id}/postmortem/, and the incident page links to it.`);
    return 0;
  }
  // A post-mortem written already may still get translations: --language names them.
  const exists = existsSync(path);
  if (exists && flags.language === undefined) throw new UsageError(`${file} already exists: nothing was written. Edit it, then publish it with "candor postmortem ${id} --publish" (or draft a translation of it with --language).`);
  // Its translations, into the languages asked for and those the incident is translated into, from each language's template.
  const chosen = await chooseLanguages(ctx, config, flags.language, new Map(), exists ? [] : translatedInto(ctx, config, found.file));
  const there = chosen.filter((l) => existsSync(join(ctx.root, translationPath(file, l))));
  // A translation already there is the responder's: a new draft's is named, a later one's left as it is.
  if (!exists && there.length) throw new UsageError(`${translationPath(file, there[0]!)} is already there, with no post-mortem: a translation left from before? Nothing was written. Remove it, or leave ${there[0]} out with --language.`);
  const languages = chosen.filter((l) => !there.includes(l));
  if (exists && languages.length === 0) throw new UsageError(chosen.length ? `${file} and its translations into ${chosen.join(', ')} exist already: nothing was written.` : `${file} exists already, and no language was named to translate it into: nothing was written.`);
  const translations = languages.map((language) => {
    const entryTranslation = translationPath(found.file, language);
    const own = existsSync(join(ctx.root, entryTranslation)) ? parseTranslation({ file: entryTranslation, id, text: readFileSync(join(ctx.root, entryTranslation), 'utf8') }, language, new Problems()) : undefined;
    const t = translator(language);
    const draft = fillTemplate(readTemplate(ctx.root, 'postmortem', language, 'draft no translation now with --language none'), {
      title: own?.title ?? entry.title,
      started: formatUtc(entry.started),
      duration: duration(t, incidentDuration(entry, ctx.now)),
      timeline: timelineList(entry, { t, texts: new Map(own?.updates.map((u) => [u.at.getTime(), u.text]) ?? []) }),
      site: config.site.name,
    });
    return { ...newFileChange(translationPath(file, language), id, 'postmortem-translation', postmortemTranslationDraft(draft), ''), language };
  });
  if (exists) {
    await writeChange(ctx, config, translations.map((c) => ({ ...c, summary: `Post-mortem translation: ${entry.title}` })), flags.pr ?? false);
    ctx.out('Replace the text in double braces in each section: the translations are published with the post-mortem.');
    return 0;
  }
  const body = fillTemplate(readTemplate(ctx.root, 'postmortem', config.site.languages[0] as Language), {
    title: entry.title,
    started: formatUtc(entry.started),
    duration: durationText(entry, ctx.now),
    timeline: timelineList(entry),
    site: config.site.name,
  });
  let text = postmortemDraft(id, body);
  if (flags.edit) text = editInEditor(ctx, text, `${id}.postmortem.md`);
  await writeChange(ctx, config, [newFileChange(file, id, 'postmortem', text, `Post-mortem draft: ${entry.title}`), ...translations], flags.pr ?? false);
  ctx.out(`It is a draft: customers do not see it. Replace the text in double braces in each section, then run "candor postmortem ${id} --publish".`);
  return 0;
}
