/**
 * The form's edits, as pure functions from one knowledge document to the next. The document is
 * never changed in place: every edit returns a new one, so the playground can compare versions.
 */

export type Doc = Record<string, unknown>;
export type Entry = Record<string, unknown>;
type Step = string | number;

/** The prefix of the id a new entry gets until its question gives it a better one. */
export const NEW_ENTRY_ID = 'new-entry';

/** `doc` with the value at `steps` replaced; `undefined` removes the field. */
export function setIn(doc: unknown, steps: readonly Step[], value: unknown): Doc {
  return setStep(doc, steps, 0, value) as Doc;
}

function setStep(node: unknown, steps: readonly Step[], at: number, value: unknown): unknown {
  if (at === steps.length) return value;
  const step = steps[at]!;
  if (typeof step === 'number') {
    const list = Array.isArray(node) ? node.slice() : [];
    list[step] = setStep(list[step], steps, at + 1, value);
    return list;
  }
  const record: Record<string, unknown> = isRecord(node) ? { ...node } : {};
  const child = setStep(record[step], steps, at + 1, value);
  if (child === undefined) delete record[step];
  else record[step] = child;
  return record;
}

export function getIn(doc: unknown, steps: readonly Step[]): unknown {
  return steps.reduce<unknown>((node, step) => (node !== null && typeof node === 'object' ? (node as Record<Step, unknown>)[step] : undefined), doc);
}

export function entriesOf(doc: unknown): Entry[] {
  const faq = getIn(doc, ['faq']);
  return Array.isArray(faq) ? faq.map((e) => (isRecord(e) ? e : {})) : [];
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/**
 * An id made from a question: lowercase words joined by hyphens, at most six of them, not one of
 * `taken`. "Why do the talks matter?" → "why-do-the-talks-matter".
 */
export function idFromQuestion(question: string, taken: readonly string[]): string {
  const words = question
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .slice(0, 6);
  const base = words.join('-') || NEW_ENTRY_ID;
  let id = base;
  for (let n = 2; taken.includes(id); n++) id = `${base}-${n}`;
  return id;
}

/** Adds an empty entry at the end; returns the document and the new entry's position. */
export function addEntry(doc: Doc): { doc: Doc; index: number } {
  const entries = entriesOf(doc);
  const id = idFromQuestion('', entries.map((e) => text(e.id)));
  const entry = { id, label: '', question: '', answer: '', alternates: [] };
  return { doc: setIn(doc, ['faq'], [...entries, entry]), index: entries.length };
}

/**
 * Changes an entry's question. While its id is still the one made from its question (or the id of
 * a new entry), the id follows the question.
 */
export function setQuestion(doc: Doc, index: number, question: string): Doc {
  const entries = entriesOf(doc);
  const entry = entries[index] ?? {};
  const others = entries.filter((_, i) => i !== index).map((e) => text(e.id));
  const id = text(entry.id);
  const derived = id === idFromQuestion(text(entry.question), others) || id.startsWith(NEW_ENTRY_ID);
  let next = setIn(doc, ['faq', index, 'question'], question);
  if (derived && question.trim() !== '') next = renameEntry(next, index, idFromQuestion(question, others));
  return next;
}

/** Gives an entry a new id, and every follow-up that pointed at the old one. */
export function renameEntry(doc: Doc, index: number, id: string): Doc {
  const old = text(entriesOf(doc)[index]?.id);
  const faq = entriesOf(doc).map((entry, i) => {
    const renamed = i === index ? { ...entry, id } : entry;
    return old ? pointAt(renamed, old, id) : renamed;
  });
  return setIn(doc, ['faq'], faq);
}

/** Moves an entry one place up (-1) or down (+1). */
export function moveEntry(doc: Doc, index: number, by: -1 | 1): Doc {
  const entries = entriesOf(doc);
  const to = index + by;
  if (to < 0 || to >= entries.length) return doc;
  const moved = entries.slice();
  [moved[index], moved[to]] = [moved[to]!, moved[index]!];
  return setIn(doc, ['faq'], moved);
}

/** Removes an entry, and the follow-ups that offered it. */
export function removeEntry(doc: Doc, index: number): Doc {
  const entries = entriesOf(doc);
  const id = text(entries[index]?.id);
  const faq = entries.filter((_, i) => i !== index).map((entry) => (id ? pointAt(entry, id, null) : entry));
  let next = setIn(doc, ['faq'], faq);
  const fitFollowUps = getIn(next, ['fit', 'followUps']);
  if (id && Array.isArray(fitFollowUps)) next = setIn(next, ['fit', 'followUps'], fitFollowUps.filter((f) => f !== id));
  return next;
}

/** The entry with its follow-ups and "next" pointing at `to` instead of `from` (null: dropped). */
function pointAt(entry: Entry, from: string, to: string | null): Entry {
  let out = entry;
  if (Array.isArray(entry.followUps) && entry.followUps.includes(from)) {
    const followUps = entry.followUps.flatMap((f) => (f === from ? (to ? [to] : []) : [f]));
    out = { ...out, followUps };
  }
  if (entry.next === from) {
    out = { ...out };
    if (to) out.next = to;
    else delete out.next;
  }
  return out;
}

/** Lines typed in a box, one item each: blank lines dropped, spaces around each line trimmed. */
export function linesToList(lines: string): string[] {
  return lines
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
