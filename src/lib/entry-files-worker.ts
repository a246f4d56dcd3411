// The thread of writeEntryFiles: each language's entry files, from the default language's entries.
import { parentPort, workerData } from 'node:worker_threads';
import { entryIn } from '../core/translations.ts';
import { translator } from '../i18n/translate.ts';
import { type EntryFilesJob, writeEntryFilesNow } from './entry-files.ts';

const { dir, config, now, entries, statuses, intervals, languages } = workerData as EntryFilesJob;
const board = { statuses, uptime: { intervals } };
const own = languages[0]!.language;
const sites = languages.map(({ language, lang, base }) => ({ config, now, base, lang, board, t: translator(language), entries: lang ? entries.map((e) => entryIn(e, language, own)) : entries }));
parentPort!.postMessage(writeEntryFilesNow(dir, sites));
