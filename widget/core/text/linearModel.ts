import { foldLetters, stem } from './normalize';

/**
 * The small linear models of the widget (the safety classifier, the topic classifier) read text
 * the same way: hashed features of words, word pairs and letter groups, one weight per feature
 * and class stored as one character, a softmax over the classes. The trainers in `scripts/`
 * write the files; the same code reads them in the trainer, the tests and the browser.
 */

/** A model file as the trainers write it. */
export interface LinearModelFile {
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
}

export interface LinearModel {
  readonly labels: readonly string[];
  /** Probabilities in the order of `labels`. */
  probabilities(raw: string): number[];
  /** Probabilities, and how many of the text's word and letter features the model knows (its length is not counted). */
  read(raw: string): { probabilities: number[]; known: number };
}

const TOKEN = /[\p{L}\p{N}]+|\p{Extended_Pictographic}/gu;
/** The model reads at most this many words of one piece of text. */
const MAX_TOKENS = 400;

/** Words as the model reads them: folded, stemmed; emoji kept as words of their own. */
export function modelTokens(raw: string): string[] {
  return foldTokens(raw).slice(0, MAX_TOKENS).map(stem);
}

/** The feature that tells a text's length in words (up to 12). */
const LENGTH_FEATURE = 'len:';

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
  out.add(LENGTH_FEATURE + Math.min(tokens.length, 12));
  return [...out];
}

export function foldTokens(raw: string): string[] {
  return [...foldLetters(raw).matchAll(TOKEN)].map((m) => m[0]);
}

/** The character code of the lowest weight level ('0'); codes stay clear of quotes and backslashes. */
export const WEIGHT_ZERO_CODE = 0x30;

/** Decodes the weights of a model file into levels. */
function decodeWeights(model: LinearModelFile): Int8Array {
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

/** The safety model and the topic model read the same message one after the other: its features are found once. */
let lastFeatures: { raw: string; features: string[] } | null = null;
function featuresOf(raw: string): string[] {
  if (lastFeatures?.raw !== raw) lastFeatures = { raw, features: modelFeatures(raw) };
  return lastFeatures.features;
}

export function createLinearModel(model: LinearModelFile, name: string): LinearModel {
  const classes = model.labels.length;
  const names = decodeHashes(model.features);
  const index = new Map<number, number>();
  names.forEach((hash, i) => index.set(hash, i));
  const weights = decodeWeights(model);
  if (weights.length !== names.length * classes) throw new Error(`KapChat ${name}: ${weights.length} weights for ${names.length} features × ${classes} classes. Retrain it.`);
  const read = (raw: string) => {
    const logits = model.bias.slice();
    let known = 0;
    for (const feature of featuresOf(raw)) {
      const f = index.get(featureHash(feature, model.hashBits));
      if (f === undefined) continue;
      if (!feature.startsWith(LENGTH_FEATURE)) known++;
      const base = f * classes;
      for (let c = 0; c < classes; c++) logits[c]! += weights[base + c]! * model.scales[c]!;
    }
    const max = Math.max(...logits);
    const exp = logits.map((l) => Math.exp(l - max));
    const total = exp.reduce((a, b) => a + b, 0);
    return { probabilities: exp.map((e) => e / total), known };
  };
  return { labels: model.labels, read, probabilities: (raw) => read(raw).probabilities };
}
