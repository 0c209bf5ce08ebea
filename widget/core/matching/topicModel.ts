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

/** The model's label for questions about none of the topics it knows. */
const OTHER = 'other';

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
 * `(1 − weight) × the matcher's + weight × the model's`; for an entry the model does not know,
 * the model's reading of "none of my topics" stands for its own. `weight` 0 is the matcher alone. With `fade`, the model's weight
 * shrinks to nothing as the matcher's best confidence goes from 1 − fade to 1.
 */
export function blendTopics(matcher: Matcher, topics: () => TopicClassifier, entryIds: readonly string[], weight: number, fade = 0): Matcher {
  if (weight <= 0) return matcher;
  return {
    explain: (text) => matcher.explain(text),
    match(text: PreparedText): MatchCandidate[] {
      const lexical = matcher.match(text);
      if (text.tokens.length === 0) return lexical;
      const reading = topics().read(text.raw);
      if (reading.size === 0) return lexical;
      const byId = new Map(lexical.map((c) => [c.entryId, c.confidence]));
      // The practice's own phrasing, word for word, is never overruled: the model's share fades
      // as the matcher's best confidence nears certainty, over the last `fade` of it.
      const top = lexical[0]?.confidence ?? 0;
      const share = fade > 0 ? weight * Math.min(1, Math.max(0, (1 - top) / fade)) : weight;
      const out: MatchCandidate[] = [];
      for (const id of entryIds) {
        const c = byId.get(id) ?? 0;
        // An entry the practice added is one the model has never seen: what the model reads as
        // none of its topics ("other") is what such an entry can be about.
        const q = reading.get(id) ?? reading.get(OTHER) ?? 0;
        const confidence = (1 - share) * c + share * q;
        if (confidence > 0) out.push({ entryId: id, confidence });
      }
      return out.sort((a, b) => b.confidence - a.confidence);
    },
  };
}
