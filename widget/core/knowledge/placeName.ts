/**
 * Where something is in the knowledge, in words a practitioner recognises: the entry's id and
 * question rather than its position in a list counted from zero.
 *
 * @example
 * placeName('faq[8].answer', knowledge);          // → 'entry is-it-a-cure (Is ketamine a cure?), answer'
 * placeName('faq[2].alternates[4]', knowledge);   // → 'entry why-combine (Why combine…?), alternate 5'
 * placeName('practice.booking.url', knowledge);   // → 'practice settings, booking link'
 * placeName('safety.crisis.phrases[12]', knowledge); // → 'safety → crisis → phrases, item 13'
 */
export function placeName(path: string, doc: unknown): string {
  const steps = pathSteps(path);
  if (steps.length === 0) return '';
  const [section, index] = steps;
  if (section === 'faq' && typeof index === 'number') return [entryName(doc, index), ...entryField(steps.slice(2))].join(', ');
  if (section === 'fit' && steps[1] === 'questions' && typeof steps[2] === 'number') {
    const question = itemAt(valueAt(doc, ['fit', 'questions']), steps[2]);
    const name = `reflection question ${typeof question?.id === 'string' ? question.id : steps[2] + 1}${quoted(question?.text)}`;
    return [name, ...generic(steps.slice(3))].join(', ');
  }
  const named = FRIENDLY[steps.join('.')];
  if (named) return named;
  return generic(steps).join(', ');
}

/** An entry named by its id and question, e.g. `entry is-it-a-cure (Is ketamine a cure?)`. */
export function entryName(doc: unknown, index: number): string {
  const entry = itemAt(valueAt(doc, ['faq']), index);
  const id = typeof entry?.id === 'string' && entry.id.trim() !== '' ? entry.id : null;
  return `${id ? `entry ${id}` : `entry number ${index + 1} (no id yet)`}${quoted(entry?.question)}`;
}

/** Settings a practitioner edits in the form, by the form's own words. */
const FRIENDLY: Readonly<Record<string, string>> = Object.freeze({
  faq: 'the entries',
  'practice.name': 'practice settings, practice name',
  'practice.practitioner': 'practice settings, practitioner',
  'practice.booking': 'practice settings, booking',
  'practice.booking.url': 'practice settings, booking link',
  'practice.booking.label': 'practice settings, booking button',
  'practice.contact': 'practice settings, contact',
  'practice.contact.label': 'practice settings, contact label',
  'practice.contact.email': 'practice settings, contact email',
  'practice.contact.phone': 'practice settings, contact phone',
  'practice.contact.url': 'practice settings, contact page',
  'messages.greeting': 'practice settings, greeting',
  'messages.disclaimer': 'practice settings, disclaimer',
  'crisis.defaultCountry': 'practice settings, crisis numbers country',
});

const ENTRY_LISTS: Readonly<Record<string, string>> = Object.freeze({ alternates: 'alternate', keywords: 'keyword', followUps: 'follow-up' });

function entryField(steps: Step[]): string[] {
  const [field, index] = steps;
  if (field === undefined) return [];
  if (typeof field === 'string' && ENTRY_LISTS[field] && typeof index === 'number') return [`${ENTRY_LISTS[field]} ${index + 1}`, ...generic(steps.slice(2))];
  if (field === 'followUps') return ['follow-ups', ...generic(steps.slice(1))];
  return generic(steps);
}

/** Names joined by arrows, list positions counted from 1: `safety → crisis → phrases, item 13`. */
function generic(steps: Step[]): string[] {
  const parts: string[] = [];
  let names: string[] = [];
  for (const step of steps) {
    if (typeof step === 'number') {
      if (names.length > 0) parts.push(names.join(' → '));
      names = [];
      parts.push(`item ${step + 1}`);
    } else names.push(step);
  }
  if (names.length > 0) parts.push(names.join(' → '));
  return parts;
}

type Step = string | number;

/** `faq[3].answer` → ['faq', 3, 'answer']; `synonyms["parts work"]` → ['synonyms', 'parts work']. */
function pathSteps(path: string): Step[] {
  const steps: Step[] = [];
  for (const [, name, index, key] of path.matchAll(/([^.[\]]+)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g)) {
    if (name !== undefined) steps.push(name);
    else if (index !== undefined) steps.push(Number(index));
    else if (key !== undefined) steps.push(JSON.parse(key) as string);
  }
  return steps;
}

function valueAt(doc: unknown, keys: string[]): unknown {
  return keys.reduce<unknown>((value, key) => (isRecord(value) ? value[key] : undefined), doc);
}

function itemAt(list: unknown, index: number): Record<string, unknown> | undefined {
  const item = Array.isArray(list) ? list[index] : undefined;
  return isRecord(item) ? item : undefined;
}

function quoted(text: unknown): string {
  if (typeof text !== 'string' || text.trim() === '') return '';
  const clean = text.trim().replace(/\s+/g, ' ');
  return ` (${clean.length > 80 ? clean.slice(0, 79) + '…' : clean})`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
