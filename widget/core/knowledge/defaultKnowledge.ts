import type { Knowledge } from '../types';
import faq from '../../../knowledge/faq.json';
import fit from '../../../knowledge/fit.json';
import intents from '../../../knowledge/intents.json';
import language from '../../../knowledge/language.json';
import practice from '../../../knowledge/practice.json';
import safety from '../../../knowledge/safety.json';

/**
 * The knowledge shipped inside the bundle: the files of `knowledge/` merged into one document.
 * The build validates them (see vite.config.ts), so a bundle never ships broken knowledge.
 */
export const defaultKnowledgeFiles = {
  'practice.json': practice,
  'faq.json': faq,
  'fit.json': fit,
  'safety.json': safety,
  'intents.json': intents,
  'language.json': language,
} as const;

// Each file names the schema for editors; the knowledge itself has no such section.
const { $schema: _schema, ...sections } = { ...practice, ...faq, ...fit, ...safety, ...intents, ...language };

export const defaultKnowledge = sections as unknown as Knowledge;
