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
