import type { Language } from '../i18n/languages.ts';
import type { Problem } from './problems.ts';
import type {
  ComponentStatus,
  Impact,
  IncidentComponentStatus,
  IncidentUpdateStatus,
  MaintenanceUpdateStatus,
} from './status.ts';

/** One update of the timeline: a `## <Status> — <time>` heading and the Markdown under it. */
export interface Update<S extends string = string> {
  /** Stable anchor id derived from the time, so feed GUIDs survive edits of the text. */
  anchor: string;
  status: S;
  /** The status word as written, normalised to its canonical spelling ("In progress"). */
  label: string;
  at: Date;
  markdown: string;
  /** Plain text of the body, for summaries and meta descriptions. */
  text: string;
  /** Rendered and sanitized HTML. */
  html: string;
  /** Line of the heading in the source file. */
  line: number;
  /** Marked `<!-- candor: quiet -->`: on the site and feeds, pushed to no notification channel. */
  quiet?: boolean;
  /** The next-update promise this update made (`<!-- candor: next update by <time> -->`). */
  promise?: Date;
  /** On a page in another language with no translation of this update: the language its text is in. */
  fallback?: Language;
}

export interface AffectedComponent<S extends ComponentStatus = ComponentStatus> {
  id: string;
  status: S;
  /** When it was back to normal while the incident went on; it counts as affected until then. */
  recovered?: Date;
}

interface EntryBase {
  id: string;
  /** Source path relative to the project root. */
  file: string;
  title: string;
  draft: boolean;
  /** Who communicates, as written (`owner:`); empty means the configured default. */
  owners: string[];
  /** Newest first. */
  updates: Update[];
  postmortem?: Postmortem;
  /** Line of each frontmatter field in the source, for messages about it. */
  lines: Record<string, number>;
  /** Its text in the site's other languages (`<id>.<lang>.md`), by language. */
  translations?: Partial<Record<Language, Translation>>;
  /** On a page in another language with no translation of the title: the language it is in. */
  titleFallback?: Language;
}

export interface Incident extends EntryBase {
  kind: 'incident';
  components: AffectedComponent<IncidentComponentStatus>[];
  impact: Impact;
  /** When impact began: frontmatter `started`, else the first update. */
  started: Date;
  nextUpdate?: Date;
  updates: Update<IncidentUpdateStatus>[];
}

export interface Maintenance extends EntryBase {
  kind: 'maintenance';
  components: AffectedComponent[];
  scheduledFor: Date;
  scheduledUntil: Date;
  updates: Update<MaintenanceUpdateStatus>[];
}

export type Entry = Incident | Maintenance;

export interface Postmortem {
  id: string;
  file: string;
  title?: string;
  /** When it was (or will be) published; absent on a draft. */
  published?: Date;
  /** Line of `published:` in the file (of the frontmatter's start on a draft). */
  publishedLine: number;
  /** Not published: no `published:` yet, or `draft: true`. */
  draft: boolean;
  markdown: string;
  html: string;
  /** Level-2 section headings, as written. */
  sections: string[];
  /** Its text in the site's other languages (`<id>.postmortem.<lang>.md`), by language. */
  translations?: Partial<Record<Language, PostmortemTranslation>>;
  /** On a page in another language with no translation of it: the language it is in. */
  fallback?: Language;
}

/**
 * An entry's text in another language, `<id>.<lang>.md`: its title, and updates each under the same
 * heading (status and time) as the update it translates in `<id>.md`.
 */
export interface Translation {
  id: string;
  file: string;
  language: Language;
  title?: string;
  /** Line of `title:` (of the frontmatter when there is none). */
  titleLine: number;
  updates: TranslatedUpdate[];
}

export type TranslatedUpdate = Pick<Update, 'status' | 'label' | 'at' | 'markdown' | 'text' | 'html' | 'line'>;

/** A post-mortem in another language, `<id>.postmortem.<lang>.md`. */
export interface PostmortemTranslation {
  id: string;
  file: string;
  language: Language;
  title?: string;
  markdown: string;
  html: string;
  sections: string[];
  /** What a draft may have and a published post-mortem may not (template text, empty sections). */
  unfinished: Problem[];
}
