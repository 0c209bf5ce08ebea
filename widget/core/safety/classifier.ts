import { stem } from '../text/normalize';
import { createLinearModel, foldTokens, type LinearModelFile } from '../text/linearModel';

export { decodeHashes, encodeHashes, featureHash, modelFeatures, modelTokens, WEIGHT_ZERO_CODE } from '../text/linearModel';

/**
 * A small learned classifier beside the safety rules: a linear model over words, word pairs and
 * letter groups of a message, trained at build time by `npm run train:safety` on a corpus written
 * apart from every evaluation set (see scripts/train-safety-model.ts). Rules catch what is certain;
 * the model brings the breadth of many writers' wordings, typos and registers.
 *
 * Features are known by a hash of their text, so no words ship; the weights ship as one character
 * each (a few levels). The same code runs in the trainer, the tests and the browser.
 */

/** The classes the model tells apart: the five kinds of crisis, eligibility, distress, and none. */
export const MODEL_LABELS = ['none', 'support', 'eligibility', 'self-harm', 'medical', 'violence', 'someone-else', 'harm-to-others'] as const;
export type ModelLabel = (typeof MODEL_LABELS)[number];

/** The model file as the trainer writes it: a linear model with its thresholds. */
export interface SafetyModelFile extends LinearModelFile {
  version: 2;
  /**
   * Probability thresholds chosen on the held-back part of the corpus: `crisis` alone;
   * `crisisWithRiskWord` when the message also has a risk word of the knowledge; `weak` (with a
   * risk word) offers the resources in one line.
   */
  thresholds: { crisis: number; crisisWithRiskWord: number; weak: number; eligibility: number; support: number };
  /** What the model was made from, as one SHA-256 (corpus, settings, risk words, code): a test tells when it is stale. */
  corpus: string;
  /** What the trainer measured on the held-back part, for the record. */
  heldBack?: Record<string, number>;
}

export interface Prediction {
  /** Probabilities by label. */
  probs: Record<ModelLabel, number>;
  /** Sum of the five crisis kinds. */
  crisis: number;
  /** The most likely crisis kind. */
  crisisKind: Exclude<ModelLabel, 'none' | 'support' | 'eligibility'>;
}

export interface SafetyClassifier {
  readonly thresholds: SafetyModelFile['thresholds'];
  predict(raw: string): Prediction;
  /**
   * The whole message and each of its sentences, read apart: a crisis told in one sentence of a
   * long message about something else is not averaged away. Each figure is its highest reading.
   */
  assess(raw: string): Assessment;
}

export interface Assessment {
  crisis: number;
  crisisKind: Prediction['crisisKind'];
  eligibility: number;
  support: number;
}

const SENTENCES = /[.!?;\n]+/;
/** At most this many sentences are read apart. */
const MAX_SENTENCES = 12;

/**
 * A list of words ("die", "pill*", "🩸", "ya no") as a test on a message: does any stand in it?
 * A word ending in `*` covers every word that starts with it; several words must stand together.
 */
export function createWordTest(words: readonly string[]): (raw: string) => boolean {
  const single = new Set<string>();
  const prefixes: string[] = [];
  const sequences: string[][] = [];
  for (const word of words) {
    const tokens = foldTokens(word.replace(/\*$/, ''));
    if (tokens.length === 0) continue;
    if (tokens.length > 1) sequences.push(tokens);
    else if (word.endsWith('*')) prefixes.push(tokens[0]!);
    else single.add(tokens[0]!);
  }
  return (raw) => {
    const tokens = foldTokens(raw);
    return tokens.some(
      (t, i) =>
        single.has(t) ||
        single.has(stem(t)) ||
        prefixes.some((p) => t.startsWith(p)) ||
        sequences.some((seq) => seq.every((w, k) => tokens[i + k] === w)),
    );
  };
}

export function createSafetyClassifier(model: SafetyModelFile): SafetyClassifier {
  const labels = model.labels;
  const linear = createLinearModel(model, 'safety model');
  const position = Object.fromEntries(MODEL_LABELS.map((l) => [l, labels.indexOf(l)]));

  return {
    thresholds: model.thresholds,
    predict(raw) {
      const p = linear.probabilities(raw);
      const probs = {} as Record<ModelLabel, number>;
      for (const label of MODEL_LABELS) probs[label] = position[label]! >= 0 ? p[position[label]!]! : 0;
      const kinds = ['self-harm', 'medical', 'violence', 'someone-else', 'harm-to-others'] as const;
      let crisisKind: Prediction['crisisKind'] = 'self-harm';
      for (const k of kinds) if (probs[k] > probs[crisisKind]) crisisKind = k;
      return { probs, crisis: kinds.reduce((s, k) => s + probs[k], 0), crisisKind };
    },
    assess(raw) {
      const whole = this.predict(raw);
      const result: Assessment = { crisis: whole.crisis, crisisKind: whole.crisisKind, eligibility: whole.probs.eligibility, support: whole.probs.support };
      const parts = raw.split(SENTENCES).filter((p) => /[\p{L}\p{N}\p{Extended_Pictographic}]/u.test(p));
      if (parts.length < 2) return result;
      for (const part of parts.slice(0, MAX_SENTENCES)) {
        const p = this.predict(part);
        if (p.crisis > result.crisis) {
          result.crisis = p.crisis;
          result.crisisKind = p.crisisKind;
        }
        result.eligibility = Math.max(result.eligibility, p.probs.eligibility);
        result.support = Math.max(result.support, p.probs.support);
      }
      return result;
    },
  };
}
