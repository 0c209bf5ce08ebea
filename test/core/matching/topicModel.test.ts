import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createConversation, createEngine, defaultKnowledge } from '../../../widget/core/index';
import { createConversationMachine } from '../../../widget/core/conversation/machine';
import { blendTopics, createTopicClassifier, type TopicClassifier } from '../../../widget/core/matching/topicModel';
import type { Matcher } from '../../../widget/core/matching/matcher';
import { loadTopicCorpus, TOPIC_CORPUS_DIR, TOPIC_MODEL_PATH, topicFingerprint, trainTopicModel, type TopicModelFile } from '../../../scripts/train-topic-model';
import { corpusSample } from '../../scripts/corpusSample';
import { evaluationLines, lineKey } from '../../../scripts/evaluationSets';
import type { Knowledge } from '../../../widget/core/types';

const shipped = JSON.parse(readFileSync(TOPIC_MODEL_PATH, 'utf8')) as TopicModelFile;

describe('the topic model', () => {
  it('was trained on the committed corpus with the committed settings and code (after changing any of them, run npm run train:topics)', () => {
    const rows = loadTopicCorpus();
    expect(shipped.corpus).toBe(topicFingerprint(rows));
    expect(topicFingerprint(rows.slice(1))).not.toBe(shipped.corpus);
  });

  // A fortieth of the corpus (about 250 lines, 16 labels) still has more features than the model
  // keeps, so every step of the training runs, in half the time a tenth took.
  it('is trained reproducibly: the same lines and seed give the same file, byte for byte', () => {
    const dir = corpusSample(TOPIC_CORPUS_DIR, 40);
    const first = JSON.stringify(trainTopicModel(dir).model);
    expect(JSON.stringify(trainTopicModel(dir).model)).toBe(first);
  }, 60_000);

  it('is trained on lines that share none with any evaluation set, labelled with entries the knowledge has', () => {
    const corpus = loadTopicCorpus();
    const evaluation = evaluationLines();
    expect(corpus.filter((r) => evaluation.has(lineKey(r.text))).map((r) => r.text)).toEqual([]);
    const known = new Set([...defaultKnowledge.faq.map((e) => e.id), 'booking', 'smalltalk', 'other']);
    expect([...new Set(corpus.map((r) => r.label))].filter((l) => !known.has(l))).toEqual([]);
  });

  it('gives probabilities that sum to one, or no reading when it knows too little of the text', () => {
    const topics = createTopicClassifier(shipped);
    for (const text of ['', '🙂', 'x'.repeat(30_000), '<script>alert(1)</script>', 'مرحبا', 'qwertyuiop', 'what is kap']) {
      const reading = topics.read(text);
      if (reading.size === 0) continue;
      expect([...reading.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    }
    expect(topics.read('what is kap').size).toBeGreaterThan(0);
    expect(topics.read('qwertyuiop').size).toBe(0);
  });
});

describe('blending the topic model with the matcher', () => {
  const text = createEngine(defaultKnowledge).reader.prepare('anything at all');
  const matcher = (candidates: Array<[string, number]>): Matcher => ({
    match: () => candidates.map(([entryId, confidence]) => ({ entryId, confidence })),
    explain: () => [],
  });
  const reading = (probs: Record<string, number>): (() => TopicClassifier) => () => ({ read: () => new Map(Object.entries(probs)) });

  it('mixes the two readings by the configured weight for entries the model knows', () => {
    const blended = blendTopics(matcher([['a', 0.5]]), reading({ a: 1, b: 0 }), ['a', 'b'], 0.4);
    expect(blended.match(text)[0]).toEqual({ entryId: 'a', confidence: 0.6 * 0.5 + 0.4 * 1 });
  });

  it("reads an entry the model has never seen (one the practice added) by the model's 'none of my topics'", () => {
    const blended = blendTopics(matcher([['fees', 0.7]]), reading({ a: 0.1, other: 0.9 }), ['a', 'fees'], 0.4);
    expect(blended.match(text).find((c) => c.entryId === 'fees')?.confidence).toBeCloseTo(0.6 * 0.7 + 0.4 * 0.9, 10);
  });

  it("never overrules the practice's own phrasing: the model's share fades as the matcher nears certainty", () => {
    const blended = blendTopics(matcher([['a', 1], ['b', 0.5]]), reading({ a: 0, b: 1 }), ['a', 'b'], 0.4, 0.3);
    expect(blended.match(text)[0]).toEqual({ entryId: 'a', confidence: 1 });
  });

  it('never returns an entry the knowledge no longer has, however sure the model is', () => {
    const blended = blendTopics(matcher([]), reading({ removed: 1 }), ['a'], 0.4);
    expect(blended.match(text).map((c) => c.entryId)).not.toContain('removed');
  });

  it('is the matcher alone at weight 0', () => {
    const base = matcher([['a', 0.5]]);
    expect(blendTopics(base, reading({ a: 1 }), ['a'], 0)).toBe(base);
  });
});

describe('the conversation with the topic model', () => {
  it('answers from the knowledge: a renamed entry is answered under its new id, never the old one', () => {
    const knowledge: Knowledge = structuredClone(defaultKnowledge);
    const entry = knowledge.faq.find((e) => e.id === 'lose-control')!;
    entry.id = 'staying-in-charge';
    for (const e of knowledge.faq) e.followUps = e.followUps?.map((f) => (f === 'lose-control' ? 'staying-in-charge' : f));
    const reply = createConversation(knowledge).ask(entry.question);
    expect(reply.route).toBe('answer');
    expect(reply.entryId).toBe('staying-in-charge');
  });

  it("takes the topic model's reading of booking or small talk only when no entry answers", () => {
    const engine = createEngine(defaultKnowledge);
    const flow = { fit: defaultKnowledge.fit.questions, nextOf: () => undefined, followUpsOf: () => [] };
    const machine = createConversationMachine(engine.replies, flow, engine.config);
    const after = (event: Parameters<typeof machine.transition>[1]) => machine.transition(machine.initialState, event).context.reply;
    expect(after({ type: 'MATCH', candidates: [], modelIntent: 'booking' }).route).toBe('booking');
    expect(after({ type: 'MATCH', candidates: [], modelIntent: 'smalltalk' }).route).toBe('smalltalk');
    const sure = [{ entryId: 'what-is-kap', confidence: 0.9 }];
    expect(after({ type: 'MATCH', candidates: sure, modelIntent: 'booking' })).toMatchObject({ route: 'answer', entryId: 'what-is-kap' });
    expect(after({ type: 'MATCH', candidates: sure, modelIntent: 'smalltalk' })).toMatchObject({ route: 'answer', entryId: 'what-is-kap' });
  });
});
