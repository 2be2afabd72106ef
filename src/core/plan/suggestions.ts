// Sync/Refresh help on the call card: the objectives and topics a customer's earlier notes
// recorded, newest first, without repeats. Broken notes are skipped and logged.
import { parseNote } from '../note/parse';
import type { CallNote } from '../note/model';
import { slugify } from '../paths';
import { noteFiles, type NotesFolder, type NotesLog } from '../notesFolder';

const TOPIC_MAX = 100;
const LIST_MAX = 50;
const shorten = (s: string) => (s.length > TOPIC_MAX ? `${s.slice(0, TOPIC_MAX - 1)}…` : s);
const decoder = new TextDecoder();

async function readNote(folder: NotesFolder, path: readonly string[], log: NotesLog): Promise<CallNote | undefined> {
  try {
    const parsed = parseNote(decoder.decode(await folder.read(path)));
    if (parsed.ok) return parsed.note;
    log.warn(`Skipped ${folder.where(path)}: ${parsed.error}`);
  } catch (err) {
    log.warn(`Could not read ${folder.where(path)}`, err);
  }
  return undefined;
}

/** Objectives and topics from the earlier notes of `customer` (a display name), newest first. */
export async function customerSuggestions(folder: NotesFolder, customer: string, log: NotesLog): Promise<{ objective: string[]; topic: string[] }> {
  const dir = slugify(customer, 'customer');
  const objective = new Set<string>();
  const topic = new Set<string>();
  for (const file of (await noteFiles(folder, dir)).reverse()) {
    const note = await readNote(folder, [dir, file], log);
    if (!note) continue;
    note.objectives.forEach((o) => objective.add(o.text));
    for (const section of note.sections) {
      for (const entry of section.entries) {
        const line = shorten(entry.answer.replace(/\s+/g, ' ').trim());
        if (entry.tags.includes('objective')) objective.add(line);
        else if (entry.tags.length) topic.add(line);
      }
    }
    note.actionItems.forEach((a) => topic.add(shorten(a.text)));
  }
  return { objective: [...objective].slice(0, LIST_MAX), topic: [...topic].slice(0, LIST_MAX) };
}
