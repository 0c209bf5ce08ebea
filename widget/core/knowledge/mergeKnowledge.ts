import type { Knowledge } from '../types';

/**
 * Merges a partial knowledge document (only what the practice changed) over a complete one.
 * A document with every section is complete and is taken as it is, not merged: that is how a
 * practice replaces the knowledge wholesale (and why it must then hold every contract entry).
 *
 * - Settings (`practice`, `messages`, `ui`, `crisis`, `fit`): each field given replaces the
 *   default; nested objects merge; lists (the order of crisis resources, fit questions) replace the
 *   default list. Crisis countries and their resources are objects keyed by code and id, so a file
 *   can correct one number (`{ "crisis": { "countries": { "US": { "resources": { "poison-control":
 *   { "number": "…" } } } } } }`) or add a country (a new code, complete) without repeating the rest.
 * - `faq`: entries are matched by `id`. The fields given replace those of the entry with that id
 *   (`{ "id": "is-it-a-cure", "answer": "…" }` changes only the answer); an entry with a new id is
 *   added and must be complete.
 * - `safety`, `intents`, `language`: lists add to the defaults and tables merge. A knowledge file
 *   can extend the words that trigger the safety routes, never remove them.
 * - In `intents` only, a list may also be given as `{ "remove": […], "add": […] }` or
 *   `{ "replace": […] }`: a practice that answers fees itself removes "fees" from `outOfScope`.
 *
 * The result is not checked here; validate it with `validateKnowledgeDocument`.
 *
 * @example
 * mergeKnowledge(defaultKnowledge, { practice: { booking: { url: 'https://…', label: 'Book' } } })
 * mergeKnowledge(defaultKnowledge, { crisis: { defaultCountry: 'GB' } })
 */
export function mergeKnowledge(base: Knowledge, partial: unknown): unknown {
  if (!isObject(partial)) return partial;
  if (Object.keys(base).every((section) => section in partial)) return partial;
  const out: Record<string, unknown> = { ...(base as unknown as Record<string, unknown>) };
  for (const [section, value] of Object.entries(partial)) {
    if (section === '$schema') continue;
    const current = out[section];
    if (section === 'faq') out.faq = mergeEntries(current, value);
    else if (section === 'intents') out[section] = extend(current, value, true);
    else if (section === 'safety' || section === 'language') out[section] = extend(current, value);
    else out[section] = override(current, value);
  }
  return out;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Settings: fields replace, objects merge, lists replace. */
function override(base: unknown, value: unknown): unknown {
  if (!isObject(base) || !isObject(value)) return value;
  const out: Record<string, unknown> = { ...base };
  for (const [key, v] of Object.entries(value)) out[key] = override(base[key], v);
  return out;
}

/**
 * Safety, intents and language: lists add (without duplicates), objects merge, text replaces.
 * With `editable` (intents), a list may also be edited: `{ remove, add }` or `{ replace }`.
 */
function extend(base: unknown, value: unknown, editable = false): unknown {
  if (Array.isArray(base) && Array.isArray(value)) return [...base, ...value.filter((v) => !base.includes(v))];
  if (editable && Array.isArray(base) && isListEdit(value)) {
    if (value.replace) return value.replace;
    const removed = new Set(value.remove ?? []);
    return extend(base.filter((v) => !removed.has(v)), value.add ?? []);
  }
  if (!isObject(base) || !isObject(value)) return value;
  const out: Record<string, unknown> = { ...base };
  for (const [key, v] of Object.entries(value)) out[key] = key in base ? extend(base[key], v, editable) : v;
  return out;
}

interface ListEdit {
  remove?: unknown[];
  add?: unknown[];
  replace?: unknown[];
}

function isListEdit(value: unknown): value is ListEdit {
  if (!isObject(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k) => (k === 'remove' || k === 'add' || k === 'replace') && Array.isArray(value[k]));
}

function mergeEntries(base: unknown, value: unknown): unknown {
  if (!Array.isArray(base) || !Array.isArray(value)) return value;
  const out = base.slice();
  for (const entry of value) {
    const at = isObject(entry) ? out.findIndex((e) => isObject(e) && e.id === entry.id) : -1;
    if (at >= 0) out[at] = { ...(out[at] as object), ...(entry as object) };
    else out.push(entry);
  }
  return out;
}
