import { createPhraseSet } from '../safety/phraseSet';
import { editDistance, stem } from '../text/normalize';
import type { IntentTerms } from '../types';
import type { PreparedText, TextReader } from '../text/preparedText';

/** `acknowledge`: a reaction that says nothing more ("oh.", "hmm", "whatever"). */
export type SmalltalkKind = 'greeting' | 'thanks' | 'goodbye' | 'identity' | 'acknowledge';

/** What a visitor wants when it is not an FAQ answer. Safety is decided before this, elsewhere. */
export type Intent =
  | { kind: 'smalltalk'; smalltalk: SmalltalkKind }
  | { kind: 'booking'; trigger: string }
  | { kind: 'out-of-scope'; trigger: string }
  | { kind: 'fit-check'; trigger: string }
  | {
      kind: 'none';
      /** A booking word ("email", "appointment") in a short message: booking, unless an entry answers. */
      bookingWord?: string;
      /** Thanks or a goodbye beside words no list covers, in a message that asks nothing: small talk, unless an entry answers. */
      smalltalk?: SmalltalkKind;
    };

/** A short turn whose meaning depends on where the conversation stands. */
export type Turn = 'yes' | 'no' | 'more' | 'next' | 'stop' | 'why' | { choose: number };

export interface IntentDetector {
  detect(text: PreparedText): Intent;
  /** The message read whole as a short turn ("yes", "and after that?", "the second one"), or null. */
  turn(text: PreparedText): Turn | null;
  /** Whether the message presses for a yes or no ("just tell me", "I'm a doctor"). */
  insists(text: PreparedText): boolean;
  /** Whether the message asks something: a question mark, or a sentence that opens with a question word. */
  asks(text: PreparedText): boolean;
  /** Whether a short message that asks nothing holds a stop word ("too many questions, forget it"). */
  stops(text: PreparedText): boolean;
  /** Whether the message points back at what was just said ("that part", "instead"). */
  refersBack(text: PreparedText): boolean;
  /** The last sentence of a message of several, when it asks something ("…I was referred. How does it work?"). */
  lastQuestion(text: PreparedText): PreparedText | null;
}

/** A short turn ("and after that?") has at most this many words. */
const TURN_MAX_WORDS = 6;
/** A booking word counts in a message of at most this many words that are not filler. */
const BOOKING_WORDS_MAX_WORDS = 4;
/** Small talk is short: a longer message is a question with a greeting in front. */
const SMALLTALK_MAX_WORDS = 12;
/** From this many words, a message led by a question word is a question, never a bare turn or small talk. */
const QUESTION_MIN_WORDS = 4;
/** A back reference ("that", "this") in a message of at most this many words points back, whatever follows it. */
const SHORT_BACK_REFERENCE = 5;
/** A message of at most this many filler words and nothing else is a reaction ("oh.", "hmm ok then"). */
const REACTION_MAX_WORDS = 3;
/** Booking words of at least this many letters are read with one typo ("bookin"). */
const BOOKING_WORD_TYPO_LENGTH = 6;
const ARTICLES = new Set(['a', 'an', 'the']);

export function createIntentDetector(terms: IntentTerms, reader: TextReader, knownWords: ReadonlySet<string>, stopwords: ReadonlySet<string>): IntentDetector {
  const options = { maxGap: 2, negatable: false, knownWords, typoMinLength: 0 };
  // Booking phrases read one typo in longer words ("make an apointment").
  const booking = createPhraseSet(terms.booking, reader, { ...options, typoMinLength: 7 });
  const outOfScope = createPhraseSet(terms.outOfScope, reader, { ...options, maxGap: 0 });
  const fitCheck = createPhraseSet(terms.fitCheck, reader, options);
  const identity = createPhraseSet(terms.identity, reader, { ...options, maxGap: 1 });
  const bookingWords = new Set((terms.bookingWords ?? []).flatMap((w) => reader.phraseTokens(w)));
  /** Booking words long enough to be read with one typo ("bookin", "apointment"). */
  const longBookingWords = [...bookingWords].filter((w) => w.length >= BOOKING_WORD_TYPO_LENGTH);
  const kinds: Array<[Exclude<SmalltalkKind, 'identity' | 'acknowledge'>, ReturnType<typeof createPhraseSet>]> = [
    ['thanks', createPhraseSet(terms.smalltalk.thanks, reader, { ...options, maxGap: 0 })],
    ['goodbye', createPhraseSet(terms.smalltalk.goodbye, reader, { ...options, maxGap: 0 })],
    ['greeting', createPhraseSet(terms.smalltalk.greeting, reader, { ...options, maxGap: 0 })],
  ];
  const fillerWords = new Set(terms.smalltalk.filler.flatMap((w) => reader.phraseTokens(w)));
  const filler = new Set([...fillerWords, ...stopwords]);
  const firstWord = (phrase: string) => reader.phraseTokens(phrase).find((w) => !ARTICLES.has(w)) ?? '';

  /**
   * The small-talk phrases of a message, each with the words it covers. Small talk is matched word
   * for word, not by stem: "noted" is thanks, "not" is not.
   */
  const smalltalkPhrases = (text: PreparedText) =>
    kinds.flatMap(([name, set]) =>
      set
        .findAll(text)
        .filter((m) => text.tokens[m.start] === firstWord(m.phrase))
        .map((m) => ({ name, phrase: m.phrase, start: m.start, length: reader.phraseTokens(m.phrase).length })),
    );

  /** Small talk when every word is a greeting, thanks, goodbye or filler; a few filler words alone are a reaction. */
  const smalltalk = (text: PreparedText): SmalltalkKind | null => {
    if (text.tokens.length === 0 || text.tokens.length > SMALLTALK_MAX_WORDS) return null;
    const covered = new Set<number>();
    let kind: SmalltalkKind | null = null;
    for (const match of smalltalkPhrases(text)) {
      for (let i = match.start; i < match.start + match.length; i++) covered.add(i);
      kind ??= match.name;
    }
    const allCovered = text.tokens.every((t, i) => covered.has(i) || filler.has(t));
    if (kind) return allCovered ? kind : null;
    // A reaction: a few of the small-talk filler words ("oh", "hmm", "whatever"), not just any common words ("what happens").
    return text.tokens.length <= REACTION_MAX_WORDS && text.tokens.every((t) => fillerWords.has(t)) ? 'acknowledge' : null;
  };

  /** Thanks or a goodbye that is more than a filler word ("thx", not "ok"), anywhere in a short message. */
  const smalltalkBeside = (text: PreparedText): SmalltalkKind | undefined => {
    if (text.tokens.length > SMALLTALK_MAX_WORDS) return undefined;
    return smalltalkPhrases(text).find((m) => m.name !== 'greeting' && !(m.length === 1 && fillerWords.has(text.tokens[m.start]!)))?.name;
  };

  /**
   * A question of some length led by a question word ("what if my mom says it's ok") asks
   * something: it is not a bare "ok" among filler words, nor a reaction.
   */
  const asksAtLength = (text: PreparedText) => text.tokens.length >= QUESTION_MIN_WORDS && questionWords.has(text.tokens.find((t) => !openers.has(t)) ?? '');

  // Turns are read whole: the message is the phrase, give or take filler ("ok no thanks").
  const turns = terms.turns;
  const whole = (phrases: readonly string[] = []) => new Set(phrases.map((p) => reader.phraseTokens(p).join(' ')));
  const turnSets: Array<[Turn, Set<string>]> = turns
    ? [
        ['yes', whole(turns.yes)],
        ['no', whole(turns.no)],
        ['more', whole(turns.more)],
        ['next', whole(turns.next)],
        ['why', whole(turns.why)],
        ['stop', whole(turns.stop)],
        [{ choose: 0 }, whole(turns.first)],
        [{ choose: 1 }, whole(turns.second)],
        [{ choose: 2 }, whole(turns.third)],
      ]
    : [];
  const stopSet = createPhraseSet(turns?.stop ?? [], reader, { ...options, maxGap: 0 });
  const insist = createPhraseSet(turns?.insist ?? [], reader, { ...options, maxGap: 1 });
  const questionWords = new Set((turns?.questionWords ?? []).flatMap((w) => reader.phraseTokens(w)));
  const backReferences = createPhraseSet(turns?.backReferences ?? [], reader, { ...options, maxGap: 0 });
  // Filler around a turn ("ok, no thanks") is dropped, but never a word that is a turn itself.
  const turnWords = new Set(turnSets.flatMap(([, set]) => [...set].filter((p) => !p.includes(' '))));
  const madeOf = (words: string[], set: Set<string>) => {
    const reached = [true];
    for (let end = 1; end <= words.length; end++) reached[end] = words.some((_, begin) => begin < end && reached[begin] && set.has(words.slice(begin, end).join(' ')));
    return words.length > 0 && !!reached[words.length];
  };
  const turnOf = (text: PreparedText): Turn | null => {
    if (text.tokens.length === 0 || text.tokens.length > TURN_MAX_WORDS) return null;
    const kept = text.tokens.filter((t) => turnWords.has(t) || !filler.has(t));
    const trimmed = kept.join(' ');
    for (const [turn, set] of turnSets) if (set.has(text.joined) || (trimmed && set.has(trimmed))) return turn;
    // "the first one", "ok stop, enough questions": the words left are phrases of the same turn, one after another.
    for (const [turn, set] of turnSets) if (madeOf(kept, set)) return turn;
    return null;
  };

  /** Parts of the message as typed, split where `at` matches, each read like a message. */
  const parts = (text: PreparedText, at: RegExp) => text.raw.split(at).map((s) => reader.prepare(s)).filter((s) => s.tokens.length > 0);
  /** Words a sentence may open with before its question word ("hi, is it online", "ok so how long"): greetings, thanks, openers. */
  const openers = new Set(
    [...terms.smalltalk.greeting, ...terms.smalltalk.thanks, ...(turns?.openers ?? [])].map((w) => reader.phraseTokens(w)).filter((w) => w.length === 1).map((w) => w[0]!),
  );
  // Read once per message: the engine asks for it at several steps of a turn.
  const asked = new WeakMap<PreparedText, boolean>();
  const asks = (text: PreparedText) => {
    let result = asked.get(text);
    if (result === undefined) asked.set(text, (result = text.raw.includes('?') || parts(text, /[.!?;,\n]+/).some((s) => questionWords.has(s.tokens.find((t) => !openers.has(t)) ?? ''))));
    return result;
  };
  const lastQuestion = (text: PreparedText): PreparedText | null => {
    const sentences = parts(text, /(?<=[.!?])\s+/);
    const last = sentences[sentences.length - 1];
    return sentences.length > 1 && last && asks(last) ? last : null;
  };

  return {
    turn: (text) => (asksAtLength(text) ? null : turnOf(text)),
    insists: (text) => !!insist.find(text),
    asks,
    lastQuestion,
    stops: (text) => text.tokens.length <= TURN_MAX_WORDS && !asks(text) && !!stopSet.find(text),
    refersBack: (text) => pointsBack(text),
    detect(text) {
      const book = booking.find(text);
      const scope = outOfScope.findAll(text)[0];
      // A question about the assistant, unless the same message also asks to book or about an
      // uncovered topic in other words: "so a bot. can a human call me?" books; "am I talking to a
      // real person?" is about the assistant, though "talking to a person" is a booking phrase too.
      const who = identity.findAll(text).sort((a, b) => a.start - b.start)[0];
      if (who && !scope && (!book || identityFirst(text, who))) return { kind: 'smalltalk', smalltalk: 'identity' };
      const small = asksAtLength(text) && !smalltalkPhrases(text).some((m) => m.start === 0) ? null : smalltalk(text);
      if (small) return { kind: 'smalltalk', smalltalk: small };
      // An uncovered word inside a booking phrase ("email address") is part of the request; a
      // greeting with a few words about oneself and no question ("hi, we're a couple reading this")
      // declines nothing.
      const bookingCovers = !!book && !!scope && booking.findAll(text).some((b) => scope.start >= b.start && scope.start < b.start + reader.phraseTokens(b.phrase).length + options.maxGap);
      const greetingAlone = !asks(text) && smalltalkPhrases(text).some((m) => m.name === 'greeting' && m.start === 0);
      // …and a last question that asks to book, without the uncovered words, is that.
      const last = lastQuestion(text);
      const bookingAsked = !!last && !!booking.find(last) && !outOfScope.find(last);
      if (scope && !bookingCovers && !greetingAlone && !bookingAsked) return { kind: 'out-of-scope', trigger: scope.phrase };
      if (book) return { kind: 'booking', trigger: book };
      const fit = fitCheck.find(text);
      if (fit) return { kind: 'fit-check', trigger: fit };
      const content = text.tokens.filter((t) => !filler.has(t));
      const word = content.length <= BOOKING_WORDS_MAX_WORDS ? content.find((t) => bookingWords.has(t) || isBookingTypo(t)) : undefined;
      const beside = asks(text) ? undefined : (smalltalkBeside(text) ?? (greetingAlone ? 'greeting' : undefined));
      return { kind: 'none', ...(word ? { bookingWord: word } : {}), ...(beside ? { smalltalk: beside } : {}) };
    },
  };

  /** "about that", "that part": a word on its own points back; "this IFS" names its subject. */
  function pointsBack(text: PreparedText): boolean {
    return backReferences.findAll(text).some((m) => {
      const length = reader.phraseTokens(m.phrase).length;
      const after = text.tokens[m.start + length];
      // "that" before a noun may open a new subject ("that last session"); in a question of a few
      // words ("how long does that last") it is the thing just talked about.
      return length > 1 || after === undefined || filler.has(after) || text.tokens.length <= SHORT_BACK_REFERENCE;
    });
  }

  /** Whether the question about the assistant comes first in the words it shares with a booking phrase. */
  function identityFirst(text: PreparedText, who: { phrase: string; start: number }): boolean {
    const whoEnd = who.start + reader.phraseTokens(who.phrase).filter((w) => !ARTICLES.has(w)).length;
    const overlapping = booking.findAll(text).filter((b) => b.start < whoEnd && who.start < b.start + reader.phraseTokens(b.phrase).length + options.maxGap);
    return overlapping.length > 0 && overlapping.every((b) => who.start <= b.start);
  }

  function isBookingTypo(word: string): boolean {
    if (word.length < BOOKING_WORD_TYPO_LENGTH - 1 || knownWords.has(word) || stopwords.has(word)) return false;
    // Another form of the same word ("appointments") is not a typo: it says what the word as listed would.
    return longBookingWords.some((w) => w[0] === word[0] && stem(word) !== stem(w) && editDistance(word, w, 1) <= 1);
  }
}
