import type { FaqEntry, Knowledge } from '../types';
import { entryName, placeName } from './placeName';

/**
 * What changed from `base` (the built-in knowledge) to `next`, one sentence a line, for a person
 * to read before publishing: entries added, removed or edited (by id and question), settings
 * changed (old → new), words added to or removed from a list.
 *
 * @example
 * describeChanges(defaultKnowledge, edited);
 * // → ['New entry before-and-after (Why do the conversations before and after ketamine matter?).',
 * //    'Entry is-it-a-cure (Is ketamine a cure?): alternates added: "Is ketamine a permanent solution?".',
 * //    'Practice settings, booking link: "https://example.com/book-a-consultation" → "https://your-practice.example/book".']
 */
export function describeChanges(base: Knowledge, next: unknown): string[] {
  const lines: string[] = [];
  if (!isRecord(next)) return lines;
  for (const section of new Set([...Object.keys(base), ...Object.keys(next)])) {
    const before = (base as unknown as Record<string, unknown>)[section];
    const after = next[section];
    if (section === '$schema' || same(before, after)) continue;
    if (section === 'faq' && Array.isArray(before) && Array.isArray(after)) describeEntries(before as FaqEntry[], after, base, next, lines);
    else describeValue(section, before, after, next, lines);
  }
  return lines;
}

function describeEntries(before: FaqEntry[], after: unknown[], base: Knowledge, next: Record<string, unknown>, lines: string[]): void {
  const idOf = (entry: unknown) => (isRecord(entry) && typeof entry.id === 'string' ? entry.id : undefined);
  const afterIds = after.map(idOf);
  const beforeIds = before.map((e) => e.id);
  after.forEach((entry, index) => {
    const id = idOf(entry);
    const old = before.find((e) => e.id === id);
    if (!old) return void lines.push(`New ${entryName(next, index)}.`);
    if (same(old, entry)) return;
    const changes: string[] = [];
    const record = isRecord(entry) ? entry : {};
    for (const field of new Set([...Object.keys(old), ...Object.keys(record)])) {
      const was = (old as unknown as Record<string, unknown>)[field];
      const now = record[field];
      if (!same(was, now)) changes.push(change(field, was, now));
    }
    lines.push(`${capital(entryName(next, index))}: ${changes.join('; ')}.`);
  });
  before.forEach((entry, index) => {
    if (!afterIds.includes(entry.id)) lines.push(`Removed ${entryName(base, index)}.`);
  });
  const kept = (ids: Array<string | undefined>, others: Array<string | undefined>) => ids.filter((id) => id !== undefined && others.includes(id));
  if (!same(kept(beforeIds, afterIds), kept(afterIds, beforeIds))) lines.push('The order of the entries changed.');
}

function describeValue(path: string, before: unknown, after: unknown, next: Record<string, unknown>, lines: string[]): void {
  const place = () => capital(placeName(path, next));
  if (before === undefined) return void lines.push(`${place()}: added${typeof after === 'string' ? ` ${quote(after)}` : ''}.`);
  if (after === undefined) return void lines.push(`${place()}: removed.`);
  if (isRecord(before) && isRecord(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      if (!same(before[key], after[key])) describeValue(join(path, key), before[key], after[key], next, lines);
    }
    return;
  }
  lines.push(`${place()}: ${change('', before, after)}.`);
}

/** One field's change in words: `"old" → "new"`, `added: "a", "b"; removed: "c"`, `changed to: "…"`. */
function change(field: string, was: unknown, now: unknown): string {
  const name = field ? `${field} ` : '';
  if (Array.isArray(was) && Array.isArray(now)) {
    const added = now.filter((item) => !was.some((w) => same(w, item)));
    const removed = was.filter((item) => !now.some((n) => same(n, item)));
    const parts = [
      added.length > 0 ? `${name}added: ${added.map(quote).join(', ')}` : '',
      removed.length > 0 ? `${name}removed: ${removed.map(quote).join(', ')}` : '',
    ].filter(Boolean);
    return parts.length > 0 ? parts.join('; ') : `${name}reordered`;
  }
  if (was === undefined) return `${name}added: ${quote(now)}`;
  if (now === undefined) return `${name}removed`;
  if (typeof was === 'string' && typeof now === 'string' && was.length + now.length > 120) return `${name}changed to: ${quote(now)}`;
  return `${name}${quote(was)} → ${quote(now)}`;
}

function join(path: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

const quote = (value: unknown) => (typeof value === 'string' ? `"${value}"` : JSON.stringify(value));
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
