import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { featureHash, modelFeatures, WEIGHT_ZERO_CODE } from '../../widget/core/text/linearModel';
import { evaluationLines, lineKey } from '../evaluationSets';

/**
 * The learning shared by the trainers of the widget's small linear models (the safety classifier,
 * the topic classifier): a seeded generator, a seeded shuffle, softmax regression with Adam and L2,
 * and thresholds chosen for a false-alarm rate. Same inputs and seed, same output, byte for byte.
 */

export interface TrainingSettings {
  epochs: number;
  learningRate: number;
  l2: number;
  batch: number;
}

export interface FitSettings extends TrainingSettings {
  /** The share of each label held back for measuring. */
  heldBackShare: number;
  /** A feature must be seen this often in training to be learned. */
  minFeatureCount: number;
  /** How many features the model keeps. */
  keptFeatures: number;
  hashBits: number;
  /** Weights are stored as whole multiples of 1/quantLevels of their class's largest weight. */
  quantLevels: number;
}

export interface Labelled {
  text: string;
  label: number;
}

/**
 * Holds back a share of every label (seeded), trains on the rest, keeps the features that tell the
 * classes apart most, trains again on those, and stores each weight in a few levels: the parts of
 * a model file every trainer shares.
 */
export function splitAndFit(unique: ReadonlyArray<{ text: string; label: string }>, labels: readonly string[], next: () => number, settings: FitSettings) {
  const classes = labels.length;
  const trainSet: Labelled[] = [];
  const held: Labelled[] = [];
  for (let c = 0; c < classes; c++) {
    const mine = shuffle(unique.filter((r) => r.label === labels[c]).map((r) => ({ text: r.text, label: c })), next);
    const cut = Math.round(mine.length * settings.heldBackShare);
    held.push(...mine.slice(0, cut));
    trainSet.push(...mine.slice(cut));
  }

  const counts = new Map<string, number>();
  const featuresOf = trainSet.map((e) => modelFeatures(e.text));
  for (const fs of featuresOf) for (const f of fs) counts.set(f, (counts.get(f) ?? 0) + 1);
  const vocabulary = [...counts].filter(([, n]) => n >= settings.minFeatureCount).map(([f]) => f).sort();
  const id = new Map(vocabulary.map((f, i) => [f, i]));
  const perClass = labels.map((_, c) => trainSet.filter((e) => e.label === c).length);
  const classWeight = perClass.map((n) => Math.sqrt(trainSet.length / classes / Math.max(1, n)));
  const encoded = trainSet.map((e, i) => ({ label: e.label, features: featuresOf[i]!.map((f) => id.get(f)).filter((x): x is number => x !== undefined) }));
  const first = train(encoded, vocabulary.length, classes, next, classWeight, settings);

  // Keep the features that tell classes apart most.
  const importance = vocabulary.map((f, i) => {
    let top = 0;
    for (let c = 0; c < classes; c++) top = Math.max(top, Math.abs(first.W[i * classes + c]!));
    return { f, i, score: top * Math.log(1 + (counts.get(f) ?? 1)) };
  });
  // Features ship as hashes: of two kept features with the same hash, the more telling one stays.
  const byHash = new Map<number, string>();
  for (const x of importance.sort((a, b) => b.score - a.score)) {
    if (byHash.size >= settings.keptFeatures) break;
    const h = featureHash(x.f, settings.hashBits);
    if (!byHash.has(h)) byHash.set(h, x.f);
  }
  const hashes = [...byHash.keys()].sort((a, b) => a - b);
  // Every feature of a text that hashes to a kept hash counts for it, as in the widget.
  const keptId = new Map<string, number>();
  const hashId = new Map(hashes.map((h, i) => [h, i]));
  for (const f of counts.keys()) {
    const i = hashId.get(featureHash(f, settings.hashBits));
    if (i !== undefined) keptId.set(f, i);
  }
  const encoded2 = trainSet.map((e, i) => ({ label: e.label, features: featuresOf[i]!.map((f) => keptId.get(f)).filter((x): x is number => x !== undefined) }));
  const second = train(encoded2, hashes.length, classes, next, classWeight, settings);

  // A few levels per weight with one scale per class: small weights become zero, and the rest
  // compress well. Each weight is one character from '0' upwards, the middle one meaning zero.
  const L = settings.quantLevels;
  const scales = labels.map((_, c) => {
    let top = 0;
    for (let i = 0; i < hashes.length; i++) top = Math.max(top, Math.abs(second.W[i * classes + c]!));
    return Number((top / L || 1e-6).toPrecision(6));
  });
  let weights = '';
  for (let i = 0; i < hashes.length; i++) {
    for (let c = 0; c < classes; c++) {
      const q = Math.max(-L, Math.min(L, Math.round(second.W[i * classes + c]! / scales[c]!)));
      weights += String.fromCharCode(WEIGHT_ZERO_CODE + q + L);
    }
  }
  const bias = Array.from(second.b, (x) => Number(x.toPrecision(6)));
  return { trainSet, held, fitted: { hashes, weights, scales, bias, seen: vocabulary.length } };
}

/** mulberry32: a small seeded generator, so the split and the training order are reproducible. */
export function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: T[], next: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** Softmax regression with Adam; features are present or absent. Returns weights [feature][class] and bias. */
export function train(
  examples: Array<{ features: number[]; label: number }>,
  featureCount: number,
  classes: number,
  next: () => number,
  classWeight: number[],
  settings: TrainingSettings,
) {
  const W = new Float64Array(featureCount * classes);
  const b = new Float64Array(classes);
  const mW = new Float64Array(W.length);
  const vW = new Float64Array(W.length);
  const mb = new Float64Array(classes);
  const vb = new Float64Array(classes);
  const lastStep = new Int32Array(featureCount);
  const beta1 = 0.9;
  const beta2 = 0.999;
  let step = 0;
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < settings.epochs; epoch++) {
    shuffle(order, next);
    const lr = settings.learningRate / Math.sqrt(1 + epoch / 4);
    for (let start = 0; start < order.length; start += settings.batch) {
      step++;
      const gW = new Map<number, Float64Array>();
      const gb = new Float64Array(classes);
      for (const idx of order.slice(start, start + settings.batch)) {
        const ex = examples[idx]!;
        const logits = Array.from(b);
        for (const f of ex.features) for (let c = 0; c < classes; c++) logits[c]! += W[f * classes + c]!;
        const max = Math.max(...logits);
        const exp = logits.map((l) => Math.exp(l - max));
        const total = exp.reduce((s, x) => s + x, 0);
        const cw = classWeight[ex.label]!;
        for (let c = 0; c < classes; c++) {
          const g = cw * (exp[c]! / total - (c === ex.label ? 1 : 0));
          gb[c]! += g;
          for (const f of ex.features) {
            let row = gW.get(f);
            if (!row) gW.set(f, (row = new Float64Array(classes)));
            row[c]! += g;
          }
        }
      }
      const bc1 = 1 - beta1 ** step;
      const bc2 = 1 - beta2 ** step;
      for (let c = 0; c < classes; c++) {
        mb[c] = beta1 * mb[c]! + (1 - beta1) * gb[c]!;
        vb[c] = beta2 * vb[c]! + (1 - beta2) * gb[c]! ** 2;
        b[c]! -= (lr * (mb[c]! / bc1)) / (Math.sqrt(vb[c]! / bc2) + 1e-8);
      }
      // Lazy Adam: only the features seen in this batch move; L2 applies to them.
      for (const [f, row] of gW) {
        lastStep[f] = step;
        for (let c = 0; c < classes; c++) {
          const k = f * classes + c;
          const g = row[c]! + settings.l2 * W[k]! * settings.batch;
          mW[k] = beta1 * mW[k]! + (1 - beta1) * g;
          vW[k] = beta2 * vW[k]! + (1 - beta2) * g * g;
          W[k]! -= (lr * (mW[k]! / bc1)) / (Math.sqrt(vW[k]! / bc2) + 1e-8);
        }
      }
    }
  }
  return { W, b };
}

/** The lowest threshold whose false-alarm rate on `negatives` stays within `rate`. */
export function thresholdFor(negatives: number[], rate: number): number {
  const sorted = [...negatives].sort((x, y) => y - x);
  const allowed = Math.floor(sorted.length * rate);
  const value = sorted[allowed] ?? 0;
  return Math.min(0.995, Math.max(0.2, Number((value + 1e-4).toFixed(4))));
}

/**
 * Removes from every corpus file of `dir` the lines that also stand in an evaluation set: a short
 * common line ("is ketamine safe?") may be written by a trainer's writer and by an evaluation
 * set's writer alike; it leaves the corpus, so the two stay apart.
 */
export function dropSharedLines(dir: string): void {
  const evaluation = evaluationLines();
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.jsonl'))) {
    const file = join(dir, name);
    const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim());
    const kept = lines.filter((l) => !evaluation.has(lineKey((JSON.parse(l) as { text: string }).text)));
    if (kept.length !== lines.length) {
      writeFileSync(file, kept.join('\n') + '\n');
      console.log(`${file}: dropped ${lines.length - kept.length} line(s) that stand in an evaluation set`);
    }
  }
}

/**
 * Everything a trained model is made from, as one SHA-256: the corpus lines with their labels, the
 * settings, anything else the trainer reads (`extra`), and the code (comments aside) that turns
 * text into features and trains. The model file keeps it; a test recomputes it in a moment, so a change
 * to any of these without retraining fails at once instead of after a minute of training.
 */
export function trainingFingerprint(rows: ReadonlyArray<{ label: string; text: string }>, settings: object, sources: readonly string[], extra: unknown = null): string {
  const hash = createHash('sha256');
  hash.update(rows.map((r) => `${r.label}\t${r.text}`).join('\n'));
  hash.update('\0' + JSON.stringify(settings) + '\0' + JSON.stringify(extra));
  for (const path of sources) hash.update('\0' + path + '\0' + codeOf(readFileSync(path, 'utf8')));
  return hash.digest('hex');
}

/** Source without its comments and blank space: a comment or a blank line changes no model. */
function codeOf(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The code every linear model's features and training come from (see `trainingFingerprint`). */
export const LINEAR_MODEL_SOURCES = ['widget/core/text/normalize.ts', 'widget/core/text/linearModel.ts', 'scripts/training/linear.ts'] as const;

/** Writes a model file as compact JSON and says its size. */
export async function writeModel(path: string, model: object, report: string[]): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  const json = JSON.stringify(model);
  writeFileSync(path, json + '\n');
  for (const line of report) console.log(line);
  const gz = (await import('node:zlib')).gzipSync(json).length;
  console.log(`wrote ${path}: ${(json.length / 1024).toFixed(1)} KB, ${(gz / 1024).toFixed(1)} KB gzipped`);
}

export interface CorpusLine {
  text: string;
  label: string;
  file: string;
  line: number;
}

/**
 * Every line of the `.jsonl` files of `dir`, in file order: `{"text": "…", "label": "…"}` each.
 * A line that is not valid JSON, or whose label fails `isLabel`, stops with its file and line and
 * `labelHint` (which labels are allowed).
 */
export function readCorpus(dir: string, isLabel: (label: string) => boolean, labelHint: string): CorpusLine[] {
  const out: CorpusLine[] = [];
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
    const file = join(dir, name);
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((raw, i) => {
        if (!raw.trim()) return;
        let row: { text?: unknown; label?: unknown };
        try {
          row = JSON.parse(raw);
        } catch {
          throw new Error(`${file}:${i + 1}: not valid JSON. Each line must be {"text": "…", "label": "…"}.`);
        }
        if (typeof row.text !== 'string' || typeof row.label !== 'string' || !isLabel(row.label)) {
          throw new Error(`${file}:${i + 1}: needs "text" and a "label" among ${labelHint}.`);
        }
        out.push({ text: row.text, label: row.label, file, line: i + 1 });
      });
  }
  return out;
}
