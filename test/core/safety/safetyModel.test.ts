import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEngine, createConversation, defaultKnowledge } from '../../../widget/core/index';
import { createSafetyClassifier, createWordTest, modelFeatures, type SafetyModelFile } from '../../../widget/core/safety/classifier';
import { createSafetyGuard } from '../../../widget/core/safety/safetyGuard';
import { CORPUS_DIR, MODEL_PATH, trainSafetyModel, loadCorpus, safetyFingerprint } from '../../../scripts/train-safety-model';
import { corpusSample } from '../../scripts/corpusSample';
import { evaluationLines, lineKey } from '../../../scripts/evaluationSets';

const shipped = JSON.parse(readFileSync(MODEL_PATH, 'utf8')) as SafetyModelFile;

describe('the safety model', () => {
  it('was trained on the committed corpus with the committed settings, risk words and code (after changing any of them, run npm run train:safety)', () => {
    const rows = loadCorpus();
    expect(shipped.corpus).toBe(safetyFingerprint(rows));
    // …and the check can fail: one line less is another corpus.
    expect(safetyFingerprint(rows.slice(1))).not.toBe(shipped.corpus);
  });

  // A 160th of the corpus (about 240 lines, the first of every file among them) runs every step of the
  // training (features, thresholds, held-back figures) in a third of the time a 40th took.
  it('is trained reproducibly: the same lines and seed give the same file, byte for byte', () => {
    const dir = corpusSample(CORPUS_DIR, 160);
    const first = JSON.stringify(trainSafetyModel(dir).model);
    expect(JSON.stringify(trainSafetyModel(dir).model)).toBe(first);
  }, 60_000);

  it('is trained on a corpus of at least 5,000 lines that shares no line with any evaluation set', () => {
    const corpus = loadCorpus();
    expect(corpus.length).toBeGreaterThanOrEqual(5000);
    const evaluation = evaluationLines();
    expect(corpus.filter((r) => evaluation.has(lineKey(r.text))).map((r) => r.text)).toEqual([]);
  });

  it('reads letter groups, so a misspelt word still shares features with the right one', () => {
    const right = new Set(modelFeatures('overdose'));
    const typo = modelFeatures('overdoze');
    expect(typo.filter((f) => right.has(f)).length).toBeGreaterThan(3);
  });

  it('gives probabilities that sum to one, for any text', () => {
    const classifier = createSafetyClassifier(shipped);
    for (const text of ['', '💊💊💊', 'x'.repeat(30_000), '<b>hi</b>', 'שלום', 'what is kap']) {
      const p = classifier.predict(text);
      const total = Object.values(p.probs).reduce((a, b) => a + b, 0);
      expect(total).toBeCloseTo(1, 5);
    }
  });
});

describe('the guard with the model beside the rules', () => {
  const engine = createEngine(defaultKnowledge);
  const stopwords = new Set<string>();
  const stub = (reading: { crisis?: number; eligibility?: number; support?: number; kind?: 'medical' | 'violence' }) => ({
    thresholds: { crisis: 0.9, crisisWithRiskWord: 0.6, weak: 0.4, eligibility: 0.6, support: 0.5 },
    predict: () => {
      throw new Error('not used');
    },
    assess: () => ({ crisis: reading.crisis ?? 0, crisisKind: reading.kind ?? 'medical', eligibility: reading.eligibility ?? 0, support: reading.support ?? 0 }),
  });
  const guardWith = (reading: Parameters<typeof stub>[0]) => createSafetyGuard(defaultKnowledge.safety, engine.reader, new Set(), stopwords, stub(reading));
  const check = (reading: Parameters<typeof stub>[0], text: string) => guardWith(reading).check(engine.reader.prepare(text));

  it('routes a sure model reading to crisis with the kind the model read, whatever the words', () => {
    expect(check({ crisis: 0.95, kind: 'medical' }, 'he is not answering and his lips look odd')).toMatchObject({ kind: 'crisis', crisisKind: 'medical' });
  });

  it('counts a moderately sure reading only with a risk word of the knowledge', () => {
    expect(check({ crisis: 0.7 }, 'took all of the pills')).toMatchObject({ kind: 'crisis' });
    expect(check({ crisis: 0.7 }, 'what time is it')).toMatchObject({ kind: 'none', weak: false });
  });

  it('lets an idiom cover its risk word ("dying to know")', () => {
    expect(check({ crisis: 0.7 }, 'dying to know what integration is')).toMatchObject({ kind: 'none' });
  });

  /** A model that reads crisis wherever `pattern` stands in what it is given. */
  const reads = (pattern: RegExp) => ({
    ...stub({}),
    assess: (raw: string) => ({ crisis: pattern.test(raw) ? 0.95 : 0, crisisKind: 'violence' as const, eligibility: 0, support: 0 }),
  });
  const checkWith = (pattern: RegExp, text: string) => createSafetyGuard(defaultKnowledge.safety, engine.reader, new Set(), stopwords, reads(pattern)).check(engine.reader.prepare(text));

  it('takes only an idiom\'s own words from the model: the rest of the message is still read', () => {
    expect(checkWith(/dying/, 'dying to know what integration is')).toMatchObject({ kind: 'none' });
    expect(checkWith(/locked/, 'dying to know if you can help, he has locked me in the flat again')).toMatchObject({ kind: 'crisis', crisisKind: 'violence' });
  });

  it('lets a frame about the session ("during the session") keep the model from deciding alone', () => {
    expect(checkWith(/./, 'what if i feel awful during the session')).toMatchObject({ kind: 'none' });
  });

  it('sets aside the sentences that tell risk as history when other sentences remain, and not otherwise', () => {
    expect(checkWith(/attempt/, 'I attempted years ago and have been well since. Is IFS good for perfectionism?')).toMatchObject({ kind: 'none' });
    expect(checkWith(/attempt/, 'I attempted years ago and have been well since')).toMatchObject({ kind: 'crisis' });
    expect(checkWith(/attempt/, 'I attempted years ago. Lately I want to attempt again')).toMatchObject({ kind: 'crisis' });
  });

  it('marks a weak reading with a risk word as weak, not crisis', () => {
    expect(check({ crisis: 0.45 }, 'thinking about the pills again')).toMatchObject({ kind: 'none', weak: true });
  });

  it('routes a sure eligibility reading and a sure distress reading', () => {
    expect(check({ eligibility: 0.8 }, 'i take something called xelmarin daily')).toMatchObject({ kind: 'eligibility' });
    expect(check({ support: 0.8 }, 'such a lonely winter')).toMatchObject({ kind: 'support' });
  });

  it('keeps the rules first: a crisis phrase is crisis even when the model reads nothing', () => {
    expect(check({}, 'I want to kill myself')).toMatchObject({ kind: 'crisis' });
  });

  it('tests risk words with wildcards, emoji and word pairs', () => {
    const risky = createWordTest(['pill*', '🩸', 'ya no']);
    expect(risky('two pills')).toBe(true);
    expect(risky('again 🩸')).toBe(true);
    expect(risky('ya no puedo')).toBe(true);
    expect(risky('no ya')).toBe(false);
    expect(risky('spill the tea')).toBe(false);
  });
});

describe('the shipped engine', () => {
  it('gives distress without danger the support route with the booking action, never an unrelated answer', () => {
    const reply = createConversation(createEngine(defaultKnowledge)).ask('I feel so alone lately');
    expect(['support', 'smalltalk', 'fallback']).toContain(reply.route);
    expect(reply.route).not.toBe('answer');
  });
});
