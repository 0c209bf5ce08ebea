import { createPhraseSet, type PhraseSet } from '../safety/phraseSet';
import type { IntentTerms } from '../types';
import type { PreparedText, TextReader } from '../text/preparedText';

export type SmalltalkKind = 'greeting' | 'thanks' | 'goodbye';

/** What a visitor wants when it is not an FAQ answer. Safety is decided before this, elsewhere. */
export type Intent =
  | { kind: 'smalltalk'; smalltalk: SmalltalkKind }
  | { kind: 'booking'; trigger: string }
  | { kind: 'out-of-scope'; trigger: string }
  | { kind: 'fit-check'; trigger: string }
  | { kind: 'none' };

export interface IntentDetector {
  detect(text: PreparedText): Intent;
}

export function createIntentDetector(terms: IntentTerms, reader: TextReader, knownWords: ReadonlySet<string>): IntentDetector {
  const options = { maxGap: 2, negatable: false, knownWords, fuzzy: false };
  const booking = createPhraseSet(terms.booking, reader, options);
  const outOfScope = createPhraseSet(terms.outOfScope, reader, { ...options, maxGap: 0 });
  const fitCheck = createPhraseSet(terms.fitCheck, reader, options);
  const words = (list: string[]) => new Set(list.flatMap((w) => reader.phraseTokens(w)));
  const greeting = words(terms.smalltalk.greeting);
  const thanks = words(terms.smalltalk.thanks);
  const goodbye = words(terms.smalltalk.goodbye);
  const filler = words(terms.smalltalk.filler);
  const anchors = [...thanks, ...goodbye, ...greeting].filter((w) => !filler.has(w));

  const smalltalk = (text: PreparedText): SmalltalkKind | null => {
    if (text.tokens.length === 0 || text.tokens.length > 12) return null;
    const all = text.tokens.every((t) => greeting.has(t) || thanks.has(t) || goodbye.has(t) || filler.has(t));
    if (!all || !text.tokens.some((t) => anchors.includes(t))) return null;
    if (text.tokens.some((t) => thanks.has(t) && !filler.has(t))) return 'thanks';
    if (text.tokens.some((t) => goodbye.has(t) && !filler.has(t))) return 'goodbye';
    return 'greeting';
  };

  return {
    detect(text) {
      const small = smalltalk(text);
      if (small) return { kind: 'smalltalk', smalltalk: small };
      const scope = outOfScope.find(text);
      if (scope) return { kind: 'out-of-scope', trigger: scope };
      const book = booking.find(text);
      if (book) return { kind: 'booking', trigger: book };
      const fit = fitCheck.find(text);
      if (fit) return { kind: 'fit-check', trigger: fit };
      return { kind: 'none' };
    },
  };
}

export type { PhraseSet };
