/**
 * `npm run train:safety`: trains the safety classifier on `scripts/training/corpus/*.jsonl` and
 * writes `widget/core/safety/model/safetyModel.json`. Reproducible: the same corpus and seed give
 * the same file, byte for byte. The file keeps a fingerprint of what it was made from (corpus,
 * settings, code), so a test tells in a moment when the committed model is stale.
 *
 * 1. Reads the corpus (one `{"text": "…", "label": "…"}` a line), refuses a line that also stands
 *    in an evaluation set (training data shares no line with any evaluation set).
 * 2. Holds back a fifth of it, stratified by label, with a seeded shuffle.
 * 3. Trains a softmax regression on the features of `modelFeatures` (Adam, L2), keeps the most
 *    telling features, trains again on those, and stores each weight in a few levels.
 * 4. Chooses the thresholds on the held-back fifth (the lines written for it, not the copies of
 *    everyday questions), with the shipped (quantised) model read the
 *    way the widget reads it, so that false alarms on lines that are not crisis stay within bounds.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { createSafetyClassifier, createWordTest, encodeHashes, MODEL_LABELS, type SafetyModelFile } from '../widget/core/safety/classifier';
import { evaluationLines, lineKey } from './evaluationSets';
import { loadTopicCorpus, TOPIC_CORPUS_DIR } from './train-topic-model';
import { createEngine } from '../widget/core/conversation/conversation';
import { defaultKnowledge } from '../widget/core/knowledge/defaultKnowledge';
import { type CorpusLine, dropSharedLines, LINEAR_MODEL_SOURCES, readCorpus, random, splitAndFit, thresholdFor, trainingFingerprint, writeModel } from './training/linear';

export const CORPUS_DIR = 'scripts/training/corpus';
export const MODEL_PATH = 'widget/core/safety/model/safetyModel.json';

/** Training settings; every one is here, none elsewhere. */
const SETTINGS = Object.freeze({
  ...({} as Record<string, number>),
  seed: 20261202,
  heldBackShare: 0.2,
  minFeatureCount: 2,
  keptFeatures: 10000,
  /** Features are known by this many bits of their hash: rare enough that an unseen feature seldom lands on a kept one. */
  hashBits: 22,
  /** Weights are stored as whole multiples of 1/quantLevels of their class's largest weight, from -quantLevels to quantLevels. */
  quantLevels: 7,
  epochs: 24,
  learningRate: 0.02,
  l2: 0.00003,
  batch: 32,
  /** The highest false-alarm rate the thresholds allow on held-back lines of other labels. */
  crisisFalseAlarm: 0.05,
  /** …and with a risk word present, the false alarms the second threshold may add. */
  crisisWithRiskWordFalseAlarm: 0.05,
  /**
   * …but the second threshold never falls below this. Chosen on the group of held-back lines with
   * a risk word, it moved between 0.40 and 0.87 from one retrain to the next after corpus changes
   * of a few dozen lines (docs/evaluation.md). On the development sets, this floor with the first
   * threshold at 5% (it was 4%) and the corpus w22–w25 took false crises from 155 to 103 of 7,216
   * lines while crisis recall went from 95.2% to 95.5%.
   */
  crisisWithRiskWordFloor: 0.8,
  /** The share of held-back lines with a risk word, not crisis, that may get the one-line offer. */
  weakFalseAlarm: 0.06,
  eligibilityFalseAlarm: 0.01,
  supportFalseAlarm: 0.03,
  // For experiments only: KAPCHAT_TRAIN='{"l2": 0.001}' overrides a setting; the shipped model uses none.
  ...(JSON.parse(process.env.KAPCHAT_TRAIN ?? '{}') as Record<string, number>),
});

/**
 * Ordinary lines the practice itself wrote stand in the corpus as `z-practice.jsonl` (its FAQ
 * questions and phrasings, its booking, small-talk and fit phrases, the sentences of its page), all
 * `none`: without them the model would have seen far more risk than everyday questions. They are
 * a copy, made with `npm run train:safety -- --practice-lines`, so that editing the knowledge does
 * not change the model until someone retrains on purpose.
 */
export function practiceLines(knowledgeDir = 'knowledge', page = 'scripts/training/practice-page.txt'): Array<{ text: string; label: string }> {
  const read = (name: string) => JSON.parse(readFileSync(join(knowledgeDir, name), 'utf8'));
  const faq = read('faq.json').faq as Array<{ question: string; alternates: string[] }>;
  const intents = read('intents.json').intents as { booking: string[]; fitCheck: string[]; identity: string[]; smalltalk: Record<string, string[]> };
  const texts = [
    ...faq.flatMap((e) => [e.question, ...e.alternates]),
    ...intents.booking,
    ...intents.fitCheck,
    ...intents.identity,
    ...Object.values(intents.smalltalk).flat(),
    ...(existsSync(page) ? readFileSync(page, 'utf8').split(/\n+/).map((l) => l.replace(/^[\s•]+/, '').trim()).filter((l) => l.split(' ').length >= 3) : []),
  ];
  return texts.map((text) => ({ text, label: 'none' }));
}

/**
 * The topic classifier's corpus (scripts/training/topics/: visitors' ordinary questions about the
 * practice, booking, small talk and other subjects) stands in the safety corpus as
 * `z-topics.jsonl`, all `none`: the everyday questions a chat on a practice's site receives, so
 * the model learns how much of its traffic carries no risk. A line the rules read as crisis or
 * eligibility stays out (its writer labelled its topic, not its safety). A copy, made with
 * `npm run train:safety -- --topic-lines`, like z-practice.jsonl.
 */
export function topicLines(): Array<{ text: string; label: string }> {
  const engine = createEngine(defaultKnowledge, { safety: 'rules' });
  return loadTopicCorpus()
    .filter((r) => {
      const verdict = engine.guard.check(engine.reader.prepare(r.text));
      return verdict.kind !== 'crisis' && verdict.kind !== 'eligibility';
    })
    .map((r) => ({ text: r.text, label: 'none' }));
}

export function loadCorpus(dir = CORPUS_DIR): CorpusLine[] {
  return readCorpus(dir, (label) => (MODEL_LABELS as readonly string[]).includes(label), MODEL_LABELS.join(', '));
}

/** The risk words of the knowledge: the thresholds are chosen with them (see `crisisWithRiskWord`). */
function knowledgeRiskWords(): string[] {
  const safety = JSON.parse(readFileSync('knowledge/safety.json', 'utf8')).safety as { crisis: { riskWords?: string[] } };
  return safety.crisis.riskWords ?? [];
}

/**
 * What the safety model is made from (see `trainingFingerprint`): the corpus, the settings, the
 * knowledge's risk words and the code. The shipped model keeps it as `corpus`.
 */
export function safetyFingerprint(rows: ReadonlyArray<{ label: string; text: string }> = loadCorpus()): string {
  return trainingFingerprint(rows, SETTINGS, [...LINEAR_MODEL_SOURCES, 'widget/core/safety/classifier.ts', 'scripts/train-safety-model.ts'], knowledgeRiskWords());
}

export function trainSafetyModel(dir = CORPUS_DIR): { model: SafetyModelFile; report: string[] } {
  const evaluation = evaluationLines();
  const written = loadCorpus(dir);
  const clashes = written.filter((r) => evaluation.has(lineKey(r.text)));
  if (clashes.length > 0) {
    throw new Error(
      `${clashes.length} training line(s) also stand in an evaluation set; training data must share no line with them. ` +
        `Remove them (npm run train:safety -- --drop-shared does it):\n` +
        clashes.slice(0, 10).map((c) => `  ${c.file}:${c.line}: ${c.text}`).join('\n'),
    );
  }
  const rows = written;
  const seen = new Set<string>();
  const unique = rows.filter((r) => !seen.has(lineKey(r.text)) && seen.add(lineKey(r.text)));
  const labels = [...MODEL_LABELS];
  const classes = labels.length;
  const next = random(SETTINGS.seed);

  const { trainSet: train0, held, fitted } = splitAndFit(unique, labels, next, SETTINGS);
  const { hashes, weights, scales, bias } = fitted;

  const model: SafetyModelFile = {
    version: 2,
    labels,
    hashBits: SETTINGS.hashBits,
    features: encodeHashes(hashes),
    levels: SETTINGS.quantLevels,
    weights,
    scales,
    bias,
    thresholds: { crisis: 0.5, crisisWithRiskWord: 0.5, weak: 0.25, eligibility: 0.5, support: 0.5 },
    corpus: safetyFingerprint(rows),
  };

  // Thresholds on the held-back fifth, read exactly as the widget reads messages, on lines the
  // writers wrote for this model: the copies of everyday questions (z-*.jsonl) are many and easy,
  // and counting them would let the thresholds fall until the hard lines raise false alarms.
  const classifier = createSafetyClassifier(model);
  const copied = new Set(rows.filter((r) => basename(r.file).startsWith('z-')).map((r) => lineKey(r.text)));
  const calibration = held.filter((e) => !copied.has(lineKey(e.text)));
  const assessed = calibration.map((e) => ({ e, a: classifier.assess(e.text) }));
  const isCrisis = (label: number) => label >= 3;
  const crisis = thresholdFor(assessed.filter((x) => !isCrisis(x.e.label)).map((x) => x.a.crisis), SETTINGS.crisisFalseAlarm);
  const risky = createWordTest(knowledgeRiskWords());
  // Lines not crisis, with a risk word and below the first threshold: the second may add at most its share.
  const notCrisis = assessed.filter((x) => !isCrisis(x.e.label));
  const gated = notCrisis.map((x) => (risky(x.e.text) && x.a.crisis < crisis ? x.a.crisis : 0));
  const crisisWithRiskWord = Math.min(crisis, Math.max(SETTINGS.crisisWithRiskWordFloor, thresholdFor(gated, SETTINGS.crisisWithRiskWordFalseAlarm)));
  const weak = Math.min(crisisWithRiskWord, thresholdFor(notCrisis.map((x) => (risky(x.e.text) ? x.a.crisis : 0)), SETTINGS.weakFalseAlarm));
  const eligibility = thresholdFor(assessed.filter((x) => x.e.label !== 2).map((x) => x.a.eligibility), SETTINGS.eligibilityFalseAlarm);
  const support = thresholdFor(assessed.filter((x) => x.e.label !== 1 && !isCrisis(x.e.label)).map((x) => x.a.support), SETTINGS.supportFalseAlarm);
  model.thresholds = { crisis, crisisWithRiskWord, weak, eligibility, support };
  const flagged = (x: (typeof assessed)[number]) => x.a.crisis >= crisis || (x.a.crisis >= crisisWithRiskWord && risky(x.e.text));

  const rate = (xs: boolean[]) => (xs.length ? xs.filter(Boolean).length / xs.length : 0);
  const logLoss = calibration.reduce((sum, e) => sum - Math.log(Math.max(1e-9, classifier.predict(e.text).probs[labels[e.label]!])), 0) / Math.max(1, calibration.length);
  const heldBack = {
    lines: calibration.length,
    logLoss,
    crisisRecall: rate(assessed.filter((x) => isCrisis(x.e.label)).map(flagged)),
    crisisFalseAlarm: rate(notCrisis.map(flagged)),
    kindRight: rate(assessed.filter((x) => isCrisis(x.e.label) && flagged(x)).map((x) => x.a.crisisKind === labels[x.e.label])),
    eligibilityRecall: rate(assessed.filter((x) => x.e.label === 2).map((x) => x.a.eligibility >= eligibility)),
    eligibilityFalseAlarm: rate(assessed.filter((x) => x.e.label !== 2).map((x) => x.a.eligibility >= eligibility)),
    supportRecall: rate(assessed.filter((x) => x.e.label === 1).map((x) => x.a.support >= support)),
  };
  model.heldBack = Object.fromEntries(Object.entries(heldBack).map(([k, v]) => [k, Number(v.toFixed(4))]));
  const report = [
    `corpus: ${rows.length} lines (${unique.length} unique) from ${dir}; trained on ${train0.length}, held back ${held.length}`,
    `features: ${fitted.seen} seen at least ${SETTINGS.minFeatureCount} times, ${hashes.length} kept`,
    `thresholds: ${Object.entries(model.thresholds).map(([k, v]) => `${k} ${v}`).join(', ')}`,
    `held back: ${Object.entries(model.heldBack).map(([k, v]) => `${k} ${v}`).join(', ')}`,
  ];
  return { model, report };
}

const isMain = process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename ?? '');
if (isMain) {
  if (process.argv.includes('--practice-lines')) {
    const lines = practiceLines().map((r) => JSON.stringify({ text: r.text, label: r.label }));
    writeFileSync(join(CORPUS_DIR, 'z-practice.jsonl'), lines.join('\n') + '\n');
    console.log(`${CORPUS_DIR}/z-practice.jsonl: ${lines.length} lines from knowledge/ and the practice page`);
  }
  if (process.argv.includes('--topic-lines')) {
    const lines = topicLines().map((r) => JSON.stringify({ text: r.text, label: r.label }));
    writeFileSync(join(CORPUS_DIR, 'z-topics.jsonl'), lines.join('\n') + '\n');
    console.log(`${CORPUS_DIR}/z-topics.jsonl: ${lines.length} lines from ${TOPIC_CORPUS_DIR}`);
  }
  if (process.argv.includes('--drop-shared')) dropSharedLines(CORPUS_DIR);
  const { model, report } = trainSafetyModel();
  await writeModel(MODEL_PATH, model, report);
}
