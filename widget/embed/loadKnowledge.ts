import type { Knowledge } from '../core';
import { mergeKnowledge } from '../core/knowledge/mergeKnowledge';
import { formatProblem, validateKnowledgeDocument } from '../core/knowledge/validateKnowledge';
import { knowledgeMessages } from './errorMessages';

/** How long the widget waits for a knowledge file before it keeps the built-in knowledge. */
export const KNOWLEDGE_TIMEOUT_MS = 5000;

export type KnowledgeLoad = { ok: true; knowledge: Knowledge } | { ok: false; reason: string };

/**
 * Fetches a knowledge file (`data-knowledge-url`), merges it over the built-in knowledge and
 * validates the result exactly as the build does. Never throws and never rejects: any failure
 * comes back as a reason for one console warning, and the widget keeps the built-in knowledge.
 * The request carries no cookies and nothing the visitor typed.
 */
export async function loadKnowledge(
  url: string,
  base: Knowledge,
  { fetchImpl = globalThis.fetch, timeoutMs = KNOWLEDGE_TIMEOUT_MS }: { fetchImpl?: typeof fetch; timeoutMs?: number } = {},
): Promise<KnowledgeLoad> {
  const controller = typeof AbortController === 'function' ? new AbortController() : undefined;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller?.abort();
  }, timeoutMs);
  try {
    let response: Response;
    try {
      response = await Promise.race([
        fetchImpl(url, { credentials: 'omit', cache: 'no-cache', signal: controller?.signal }),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), timeoutMs + 50)),
      ]);
    } catch (error) {
      return { ok: false, reason: timedOut ? knowledgeMessages.timeout(timeoutMs) : knowledgeMessages.network(String((error as Error)?.message ?? error)) };
    }
    if (!response.ok) return { ok: false, reason: knowledgeMessages.status(response.status) };
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      return { ok: false, reason: timedOut ? knowledgeMessages.timeout(timeoutMs) : knowledgeMessages.network(String((error as Error)?.message ?? error)) };
    }
    let doc: unknown;
    try {
      doc = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (error) {
      return { ok: false, reason: knowledgeMessages.invalidJson(String((error as Error)?.message ?? error)) };
    }
    const mergedDoc = mergeKnowledge(base, doc);
    const merged = validateKnowledgeDocument(mergedDoc);
    const first = merged.problems.find((p) => p.severity === 'error');
    if (first) return { ok: false, reason: knowledgeMessages.invalid(formatProblem({ ...first, path: pathInFile(first.path, base, doc, mergedDoc) })) };
    if (!merged.knowledge) return { ok: false, reason: knowledgeMessages.invalid('incomplete') };
    return { ok: true, knowledge: merged.knowledge };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Problems are found in the merged knowledge; this gives their path in the file the practice
 * published: `faq[8].answer` of the merged list is `faq[0].answer` of a file that changed one entry.
 */
export function pathInFile(path: string, base: Knowledge, doc: unknown, merged: unknown): string {
  const faq = /^faq\[(\d+)\](.*)$/.exec(path);
  if (faq) {
    const id = ((merged as Knowledge).faq?.[Number(faq[1])] as { id?: unknown } | undefined)?.id;
    const published = (doc as { faq?: unknown }).faq;
    const at = Array.isArray(published) ? published.findIndex((e) => (e as { id?: unknown })?.id === id) : -1;
    return at >= 0 ? `faq[${at}]${faq[2]}` : path;
  }
  const list = /^((?:safety|intents|language)\.[\w.]+)\[(\d+)\](.*)$/.exec(path);
  if (list) {
    const baseList = list[1]!.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], base);
    const offset = Array.isArray(baseList) ? baseList.length : 0;
    return `${list[1]}[${Number(list[2]) - offset}]${list[3]}`;
  }
  return path;
}
