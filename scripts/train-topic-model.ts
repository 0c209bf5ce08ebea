/**
 * `npm run train:topics`: trains the topic classifier on `scripts/training/topics/*.jsonl` and
 * writes `widget/core/matching/model/topicModel.json`. Reproducible: the same corpus and seed give
 * the same file, byte for byte. The file keeps a fingerprint of what it was made from (corpus,
 * settings, code), so a test tells in a moment when the committed model is stale.
 *
 * The corpus is visitors' questions written by people who never saw the knowledge or any
 * evaluation set, each labelled with the FAQ topic it asks about (the ids of the practice's
 * entries), or `booking`, `smalltalk` or `other`. The matcher reads the practice's own words; this
 * model brings the many ways visitors ask the same thing. The engine uses its reading only for
 * entries the knowledge still has, beside the matcher's, never instead of the safety guard.
 *
 * 1. Reads the corpus and refuses a line that also stands in an evaluation set.
 * 2. Holds back a fifth, stratified by label, with a seeded shuffle, and reports accuracy on it.
 * 3. Trains a softmax regression (scripts/training/linear.ts), keeps the most telling features,
 *    trains again on those and stores each weight in a few levels.
 */
import { resolve } from 'node:path';
import { createLinearModel, encodeHashes, type LinearModelFile } from '../widget/core/text/linearModel';
import { evaluationLines, lineKey } from './evaluationSets';
import { type CorpusLine, dropSharedLines, LINEAR_MODEL_SOURCES, readCorpus, random, splitAndFit, trainingFingerprint, writeModel } from './training/linear';

export const TOPIC_CORPUS_DIR = 'scripts/training/topics';
export const TOPIC_MODEL_PATH = 'widget/core/matching/model/topicModel.json';

/** Training settings; every one is here, none elsewhere. */
const SETTINGS = Object.freeze({
  ...({} as Record<string, number>),
  seed: 20261202,
  heldBackShare: 0.2,
  minFeatureCount: 2,
  keptFeatures: 2000,
  hashBits: 22,
  quantLevels: 7,
  epochs: 24,
  learningRate: 0.02,
  l2: 0.0001,
  batch: 32,
  // For experiments only: KAPCHAT_TRAIN='{"l2": 0.001}' overrides a setting; the shipped model uses none.
  ...(JSON.parse(process.env.KAPCHAT_TRAIN ?? '{}') as Record<string, number>),
});

export interface TopicModelFile extends LinearModelFile {
  version: 1;
  /** What the model was made from, as one SHA-256 (`topicFingerprint`): a test tells when it is stale. */
  corpus: string;
  heldBack?: Record<string, number>;
}

/** Labels that are not FAQ entries. */
export const TOPIC_INTENTS = ['booking', 'smalltalk', 'other'] as const;

export function loadTopicCorpus(dir = TOPIC_CORPUS_DIR): CorpusLine[] {
  return readCorpus(dir, (label) => /^[a-z][a-z0-9-]*$/.test(label), `entry ids and ${TOPIC_INTENTS.join(', ')}`);
}

/** What the topic model is made from (see `trainingFingerprint`): the corpus, the settings and the code. The shipped model keeps it as `corpus`. */
export function topicFingerprint(rows: ReadonlyArray<{ label: string; text: string }> = loadTopicCorpus()): string {
  return trainingFingerprint(rows, SETTINGS, [...LINEAR_MODEL_SOURCES, 'scripts/train-topic-model.ts']);
}

export function trainTopicModel(dir = TOPIC_CORPUS_DIR): { model: TopicModelFile; report: string[] } {
  const evaluation = evaluationLines();
  const rows = loadTopicCorpus(dir);
  const clashes = rows.filter((r) => evaluation.has(lineKey(r.text)));
  if (clashes.length > 0) {
    throw new Error(
      `${clashes.length} training line(s) also stand in an evaluation set; training data must share no line with them. ` +
        `Remove them (npm run train:topics -- --drop-shared does it):\n` +
        clashes.slice(0, 10).map((c) => `  ${c.file}:${c.line}: ${c.text}`).join('\n'),
    );
  }
  const seen = new Set<string>();
  const unique = rows.filter((r) => !seen.has(lineKey(r.text)) && seen.add(lineKey(r.text)));
  const labels = [...new Set(unique.map((r) => r.label))].sort();
  const classes = labels.length;
  const next = random(SETTINGS.seed);

  const { trainSet, held, fitted } = splitAndFit(unique, labels, next, SETTINGS);
  const { hashes, weights, scales, bias } = fitted;
  const model: TopicModelFile = {
    version: 1,
    labels,
    hashBits: SETTINGS.hashBits,
    features: encodeHashes(hashes),
    levels: SETTINGS.quantLevels,
    weights,
    scales,
    bias,
    corpus: topicFingerprint(rows),
  };

  const linear = createLinearModel(model, 'topic model');
  let right = 0;
  for (const e of held) {
    const p = linear.probabilities(e.text);
    if (p.indexOf(Math.max(...p)) === e.label) right++;
  }
  model.heldBack = { lines: held.length, accuracy: Number((right / Math.max(1, held.length)).toFixed(4)) };
  const report = [
    `corpus: ${rows.length} lines (${unique.length} unique) from ${dir}; ${classes} labels; trained on ${trainSet.length}, held back ${held.length}`,
    `features: ${fitted.seen} seen at least ${SETTINGS.minFeatureCount} times, ${hashes.length} kept`,
    `held back: top-1 accuracy ${model.heldBack.accuracy}`,
  ];
  return { model, report };
}

const isMain = process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename ?? '');
if (isMain) {
  if (process.argv.includes('--drop-shared')) dropSharedLines(TOPIC_CORPUS_DIR);
  const { model, report } = trainTopicModel();
  await writeModel(TOPIC_MODEL_PATH, model, report);
}
