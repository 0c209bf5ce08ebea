import { foldLetters, stem } from '../text/normalize';

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

/** The model file as the trainer writes it. */
export interface SafetyModelFile {
  version: 2;
  labels: readonly string[];
  /** Features are read by their hash: this many bits of it. */
  hashBits: number;
  /** The hashes of the model's features, ascending, as gaps in base-32 digits with a continuation flag (see `decodeHashes`). */
  features: string;
  /** Weights range over -levels … levels. */
  levels: number;
  /** Per-feature, per-class weights, feature-major, one character each: code − WEIGHT_ZERO_CODE − levels. */
  weights: string;
  /** One scale per class: weight = level × scale. */
  scales: number[];
  bias: number[];
  /**
   * Probability thresholds chosen on the held-back part of the corpus: `crisis` alone;
   * `crisisWithRiskWord` when the message also has a risk word of the knowledge; `weak` (with a
   * risk word) offers the resources in one line.
   */
  thresholds: { crisis: number; crisisWithRiskWord: number; weak: number; eligibility: number; support: number };
  /** SHA-256 of the corpus the model was trained on, so a test can tell when it is stale. */
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

const TOKEN = /[\p{L}\p{N}]+|\p{Extended_Pictographic}/gu;
/** The model reads at most this many words of one piece of text. */
const MAX_TOKENS = 400;

/** Words as the model reads them: folded, stemmed; emoji kept as words of their own. */
export function modelTokens(raw: string): string[] {
  return foldTokens(raw).slice(0, MAX_TOKENS).map(stem);
}

/**
 * The features of a text: each word, each pair of neighbouring words, each pair one word apart,
 * and the three- and four-letter groups of every word (which read typos and the shapes of drug names).
 */
export function modelFeatures(raw: string): string[] {
  const tokens = modelTokens(raw);
  const out = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    out.add('w:' + t);
    if (i + 1 < tokens.length) out.add('b:' + t + '_' + tokens[i + 1]);
    if (i + 2 < tokens.length) out.add('s:' + t + '_' + tokens[i + 2]);
    if (/^\p{L}{3,}$/u.test(t)) {
      const padded = '<' + t + '>';
      for (let n = 3; n <= 4; n++) for (let k = 0; k + n <= padded.length; k++) out.add('c:' + padded.slice(k, k + n));
    }
  }
  out.add('len:' + Math.min(tokens.length, 12));
  return [...out];
}

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

function foldTokens(raw: string): string[] {
  return [...foldLetters(raw).matchAll(TOKEN)].map((m) => m[0]);
}

/** The character code of the lowest weight level ('0'); codes stay clear of quotes and backslashes. */
export const WEIGHT_ZERO_CODE = 0x30;

/** Decodes the weights of a model file into levels. */
function decodeWeights(model: SafetyModelFile): Int8Array {
  const out = new Int8Array(model.weights.length);
  for (let i = 0; i < out.length; i++) out[i] = model.weights.charCodeAt(i) - WEIGHT_ZERO_CODE - model.levels;
  return out;
}

/** FNV-1a, 32 bits: a feature's hash, keeping its top `bits` bits. */
export function featureHash(feature: string, bits: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < feature.length; i++) {
    h ^= feature.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) >>> (32 - bits);
}

/** 64 characters, none of them a quote or a backslash: 32 digits, each with or without "more follows". */
const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';

/** Ascending hashes as gaps, each gap in base-32 digits, low digits first; a digit of the upper half says another follows. */
export function encodeHashes(hashes: readonly number[]): string {
  let out = '';
  let last = 0;
  for (const h of hashes) {
    let gap = h - last;
    last = h;
    do {
      const digit = gap & 31;
      gap >>>= 5;
      out += DIGITS[digit + (gap > 0 ? 32 : 0)];
    } while (gap > 0);
  }
  return out;
}

export function decodeHashes(text: string): number[] {
  const out: number[] = [];
  let last = 0;
  let gap = 0;
  let shift = 0;
  for (let i = 0; i < text.length; i++) {
    const v = DIGITS.indexOf(text[i]!);
    gap += (v & 31) * 2 ** shift;
    if (v >= 32) shift += 5;
    else {
      last += gap;
      out.push(last);
      gap = 0;
      shift = 0;
    }
  }
  return out;
}

export function createSafetyClassifier(model: SafetyModelFile): SafetyClassifier {
  const labels = model.labels;
  const classes = labels.length;
  const names = decodeHashes(model.features);
  const index = new Map<number, number>();
  names.forEach((hash, i) => index.set(hash, i));
  const weights = decodeWeights(model);
  if (weights.length !== names.length * classes) throw new Error(`KapChat safety model: ${weights.length} weights for ${names.length} features × ${classes} classes. Retrain with npm run train:safety.`);
  const position = Object.fromEntries(MODEL_LABELS.map((l) => [l, labels.indexOf(l)]));

  return {
    thresholds: model.thresholds,
    predict(raw) {
      const logits = model.bias.slice();
      for (const feature of modelFeatures(raw)) {
        const f = index.get(featureHash(feature, model.hashBits));
        if (f === undefined) continue;
        const base = f * classes;
        for (let c = 0; c < classes; c++) logits[c]! += weights[base + c]! * model.scales[c]!;
      }
      const max = Math.max(...logits);
      const exp = logits.map((l) => Math.exp(l - max));
      const total = exp.reduce((a, b) => a + b, 0);
      const probs = {} as Record<ModelLabel, number>;
      for (const label of MODEL_LABELS) probs[label] = position[label]! >= 0 ? exp[position[label]!]! / total : 0;
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
