import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { durationText, postmortemFile, timelineList } from '../../authoring/files.ts';
import { fillTemplate, readTemplate } from '../../authoring/templates.ts';
import { parseEntry } from '../../core/parse.ts';
import { Problems } from '../../core/problems.ts';
import { formatUtc } from '../../core/time.ts';
import { type CliContext, editInEditor, findEntry, requireConfig, UsageError } from '../context.ts';
import type { WriteFlags } from '../flags.ts';
import { writeChange } from '../write.ts';

/** `candor postmortem <id>`: the post-mortem skeleton, with the incident's timeline and duration filled in. */
export async function newPostmortem(ctx: CliContext, id: string | undefined, flags: WriteFlags): Promise<number> {
  const config = requireConfig(ctx);
  if (!id) throw new UsageError('Which incident? Give its id: candor postmortem <id>.');
  const found = findEntry(ctx, id);
  const file = found.file.replace(/\.md$/, '.postmortem.md');
  if (existsSync(join(ctx.root, file))) throw new UsageError(`${file} already exists: nothing was written.`);
  const entry = parseEntry({ file: found.file, id, text: found.text }, { componentIds: config.components.map((c) => c.id) }, new Problems());
  if (!entry || entry.kind !== 'incident') throw new UsageError(`${found.file} is not an incident that passes the check.`);
  if (!entry.updates.some((u) => u.status === 'resolved')) ctx.err(`Note: ${entry.title} is not resolved yet.`);
  const body = fillTemplate(readTemplate(ctx.root, 'postmortem'), {
    title: entry.title,
    started: formatUtc(entry.started),
    duration: durationText(entry, ctx.now),
    timeline: timelineList(entry),
    site: config.site.name,
  });
  let text = postmortemFile(ctx.now, body);
  if (flags.edit) text = editInEditor(ctx, text, `${id}.postmortem.md`);
  await writeChange(ctx, config, { file, id, text, kind: 'postmortem', summary: `Post-mortem: ${entry.title}` }, flags.pr ?? false);
  return 0;
}
