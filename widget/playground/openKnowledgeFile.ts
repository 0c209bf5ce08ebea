import { defaultKnowledge, type Knowledge } from '../core';
import { mergeKnowledge } from '../core/knowledge/mergeKnowledge';
import { parseKnowledgeJson } from '../core/knowledge/parseKnowledgeJson';
import { playgroundText as say } from './playgroundText';

/**
 * What the editor shows for a file the practitioner loaded, and the sentence that says what
 * happened. A file with only some sections is merged over the built-in knowledge, as the widget
 * merges a published file, and the editor shows the complete result: then every path in the
 * problem list points at the text on screen, and Export saves a complete file. A file that is not
 * valid JSON is shown as it is, so the problem list can point at its mistake.
 *
 * @example
 * openKnowledgeFile('faq.json', '{ "faq": [] }').notice; // → '“faq.json” has only some sections (faq); they were merged…'
 */
export function openKnowledgeFile(name: string, raw: string, base: Knowledge = defaultKnowledge): { text: string; notice: string } {
  const parsed = parseKnowledgeJson(raw);
  if ('problem' in parsed) return { text: raw, notice: say.loaded(name) };
  const merged = mergeKnowledge(base, parsed.value);
  if (merged === parsed.value) return { text: raw, notice: say.loaded(name) };
  const sections = Object.keys(parsed.value as object).filter((key) => key !== '$schema');
  return { text: JSON.stringify(merged, null, 2), notice: sections.length > 0 ? say.loadedPartial(name, sections) : say.loadedEmpty(name) };
}
