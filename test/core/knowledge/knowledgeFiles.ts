import { defaultKnowledgeFiles } from '../../../widget/core/knowledge/defaultKnowledge';
import type { Knowledge } from '../../../widget/core/types';

/** The default knowledge files, typed loosely enough to be broken on purpose. */
export interface KnowledgeFiles {
  'practice.json': Pick<Knowledge, 'practice' | 'messages' | 'ui' | 'crisis'>;
  'faq.json': Pick<Knowledge, 'faq'>;
  'fit.json': Pick<Knowledge, 'fit'>;
  'safety.json': Pick<Knowledge, 'safety'>;
  'intents.json': Pick<Knowledge, 'intents'>;
  'language.json': Pick<Knowledge, 'language'>;
  [file: string]: object;
}

/** A fresh deep copy of the default knowledge files, for one test to change. */
export function copyDefaultFiles(): KnowledgeFiles {
  return structuredClone(defaultKnowledgeFiles) as unknown as KnowledgeFiles;
}

/** Sets a field to a value its type does not allow, as a practitioner's typo would. */
export function set(target: object, key: string, value: unknown): void {
  (target as Record<string, unknown>)[key] = value;
}

export function remove(target: object, key: string): void {
  delete (target as Record<string, unknown>)[key];
}
