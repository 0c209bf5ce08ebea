import { createLinearModel, type LinearModelFile } from '../text/linearModel';
import type { PreparedText } from '../text/preparedText';
import type { MatchCandidate, Matcher } from './matcher';

/**
 * The topic classifier: a small linear model (see `text/linearModel.ts`) trained by
 * `npm run train:topics` on visitors' questions written apart from the knowledge and from every
 * evaluation set, each labelled with the FAQ entry it asks about. It knows the many ways visitors
 * ask the same thing ("will I still be me?" is about losing control) where the practice's own
 * words are few.
 *
 * It never replaces the knowledge: it reads only entries the knowledge still has (an entry the
 * practice adds is found by its own words alone), and its reading is blended with the matcher's.
 */
export interface TopicClassifier {
  /**
   * Probability by label: entry ids, and `booking`, `smalltalk`, `other`. Empty when the model
   * knows too little of the text to read it ("qwertyuiop", a word in a script it never saw).
   */
  read(raw: string): Map<string, number>;
}

/** A reading needs at least this many features the model knows: a word and a few of its letter groups. */
const MIN_KNOWN_FEATURES = 3;

export function createTopicClassifier(model: LinearModelFile): TopicClassifier {
  const linear = createLinearModel(model, 'topic model');
  // The matcher and the intents read the same message one after the other: read it once.
  let last: { raw: string; reading: Map<string, number> } | null = null;
  return {
    read(raw) {
      if (last?.raw !== raw) {
        const { probabilities: p, known } = linear.read(raw);
        last = { raw, reading: known >= MIN_KNOWN_FEATURES ? new Map(linear.labels.map((label, i) => [label, p[i]!])) : new Map() };
      }
      return last.reading;
    },
  };
}

/**
 * The matcher's candidates with the topic model's reading blended in: an entry's confidence is
 * `(1 − weight) × the matcher's + weight × the model's`, for entries the model knows; other
 * entries keep the matcher's. `weight` 0 is the matcher alone.
 */
export function blendTopics(matcher: Matcher, topics: () => TopicClassifier, entryIds: readonly string[], weight: number): Matcher {
  if (weight <= 0) return matcher;
  return {
    explain: (text) => matcher.explain(text),
    match(text: PreparedText): MatchCandidate[] {
      const lexical = matcher.match(text);
      if (text.tokens.length === 0) return lexical;
      const reading = topics().read(text.raw);
      if (reading.size === 0) return lexical;
      const byId = new Map(lexical.map((c) => [c.entryId, c.confidence]));
      const out: MatchCandidate[] = [];
      for (const id of entryIds) {
        const c = byId.get(id) ?? 0;
        const q = reading.get(id);
        const confidence = q === undefined ? c : (1 - weight) * c + weight * q;
        if (confidence > 0) out.push({ entryId: id, confidence });
      }
      return out.sort((a, b) => b.confidence - a.confidence);
    },
  };
}
