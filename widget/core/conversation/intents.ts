import { createPhraseSet } from '../safety/phraseSet';
import type { IntentTerms } from '../types';
import type { PreparedText, TextReader } from '../text/preparedText';

export type SmalltalkKind = 'greeting' | 'thanks' | 'goodbye' | 'identity';

/** What a visitor wants when it is not an FAQ answer. Safety is decided before this, elsewhere. */
export type Intent =
  | { kind: 'smalltalk'; smalltalk: SmalltalkKind }
  | { kind: 'booking'; trigger: string }
  | { kind: 'out-of-scope'; trigger: string }
  | { kind: 'fit-check'; trigger: string }
  | { kind: 'none'; /** A booking word ("email", "appointment") in a short message: booking, unless an entry answers. */ bookingWord?: string };

/** A short turn whose meaning depends on where the conversation stands. */
export type Turn = 'yes' | 'no' | 'more' | 'next' | 'stop' | { choose: number };

export interface IntentDetector {
  detect(text: PreparedText): Intent;
  /** The message read whole as a short turn ("yes", "and after that?", "the second one"), or null. */
  turn(text: PreparedText): Turn | null;
  /** Whether the message presses for a yes or no ("just tell me", "I'm a doctor"). */
  insists(text: PreparedText): boolean;
}

/** A short turn ("and after that?") has at most this many words. */
const TURN_MAX_WORDS = 6;
/** A booking word counts in a message of at most this many words that are not filler. */
const BOOKING_WORDS_MAX_WORDS = 4;
/** Small talk is short: a longer message is a question with a greeting in front. */
const SMALLTALK_MAX_WORDS = 12;

export function createIntentDetector(terms: IntentTerms, reader: TextReader, knownWords: ReadonlySet<string>, stopwords: ReadonlySet<string>): IntentDetector {
  const options = { maxGap: 2, negatable: false, knownWords, typoMinLength: 0 };
  // Booking phrases read one typo in longer words ("make an apointment").
  const booking = createPhraseSet(terms.booking, reader, { ...options, typoMinLength: 7 });
  const outOfScope = createPhraseSet(terms.outOfScope, reader, { ...options, maxGap: 0 });
  const fitCheck = createPhraseSet(terms.fitCheck, reader, options);
  const identity = createPhraseSet(terms.identity, reader, { ...options, maxGap: 1 });
  const bookingWords = new Set((terms.bookingWords ?? []).flatMap((w) => reader.phraseTokens(w)));
  const kinds: Array<[Exclude<SmalltalkKind, 'identity'>, ReturnType<typeof createPhraseSet>]> = [
    ['thanks', createPhraseSet(terms.smalltalk.thanks, reader, { ...options, maxGap: 0 })],
    ['goodbye', createPhraseSet(terms.smalltalk.goodbye, reader, { ...options, maxGap: 0 })],
    ['greeting', createPhraseSet(terms.smalltalk.greeting, reader, { ...options, maxGap: 0 })],
  ];
  const filler = new Set([...terms.smalltalk.filler.flatMap((w) => reader.phraseTokens(w)), ...stopwords]);

  /** Small talk when every word is a greeting, thanks, goodbye or filler, and at least one is not filler. */
  const smalltalk = (text: PreparedText): SmalltalkKind | null => {
    if (text.tokens.length === 0 || text.tokens.length > SMALLTALK_MAX_WORDS) return null;
    const covered = new Set<number>();
    let kind: SmalltalkKind | null = null;
    for (const [name, set] of kinds) {
      for (const match of set.findAll(text)) {
        const length = reader.phraseTokens(match.phrase).length;
        for (let i = match.start; i < match.start + length; i++) covered.add(i);
        kind ??= name;
      }
    }
    if (!kind) return null;
    return text.tokens.every((t, i) => covered.has(i) || filler.has(t)) ? kind : null;
  };

  // Turns are read whole: the message is the phrase, give or take filler ("ok no thanks").
  const turns = terms.turns;
  const whole = (phrases: readonly string[] = []) => new Set(phrases.map((p) => reader.phraseTokens(p).join(' ')));
  const turnSets: Array<[Turn, Set<string>]> = turns
    ? [
        ['yes', whole(turns.yes)],
        ['no', whole(turns.no)],
        ['more', whole(turns.more)],
        ['next', whole(turns.next)],
        ['stop', whole(turns.stop)],
        [{ choose: 0 }, whole(turns.first)],
        [{ choose: 1 }, whole(turns.second)],
        [{ choose: 2 }, whole(turns.third)],
      ]
    : [];
  const insist = createPhraseSet(turns?.insist ?? [], reader, { ...options, maxGap: 1 });
  // Filler around a turn ("ok, no thanks") is dropped, but never a word that is a turn itself.
  const turnWords = new Set(turnSets.flatMap(([, set]) => [...set].filter((p) => !p.includes(' '))));

  return {
    turn(text) {
      if (text.tokens.length === 0 || text.tokens.length > TURN_MAX_WORDS) return null;
      const joined = text.joined;
      const kept = text.tokens.filter((t) => turnWords.has(t) || !filler.has(t));
      const trimmed = kept.join(' ');
      for (const [turn, set] of turnSets) if (set.has(joined) || (trimmed && set.has(trimmed))) return turn;
      // "the first one", "yes please": every word left is a word of the same turn.
      for (const [turn, set] of turnSets) if (kept.length > 0 && kept.every((t) => set.has(t))) return turn;
      return null;
    },
    insists: (text) => !!insist.find(text),
    detect(text) {
      if (identity.find(text)) return { kind: 'smalltalk', smalltalk: 'identity' };
      const small = smalltalk(text);
      if (small) return { kind: 'smalltalk', smalltalk: small };
      const scope = outOfScope.find(text);
      if (scope) return { kind: 'out-of-scope', trigger: scope };
      const book = booking.find(text);
      if (book) return { kind: 'booking', trigger: book };
      const fit = fitCheck.find(text);
      if (fit) return { kind: 'fit-check', trigger: fit };
      const content = text.tokens.filter((t) => !filler.has(t));
      const word = content.length <= BOOKING_WORDS_MAX_WORDS ? content.find((t) => bookingWords.has(t)) : undefined;
      return word ? { kind: 'none', bookingWord: word } : { kind: 'none' };
    },
  };
}
