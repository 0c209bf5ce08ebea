import { editDistance, stem } from '../text/normalize';
import type { PreparedText, TextReader } from '../text/preparedText';

/**
 * A list of curated phrases ("kill myself", "suicid*", "safe for me") compiled for fast, forgiving
 * matching against a question:
 * - words are compared stemmed, so "ending my life" meets "end my life";
 * - a word ending in `*` matches any word starting with it ("suicid*" → suicidal, suicide);
 * - up to `maxGap` other words may stand between two words of a phrase ("want to just die");
 * - words of five letters or more also match with one typo ("klonopim") that keeps the first
 *   letter, unless the typed word is itself a known word ("meditation" never reads as "medication").
 */
export interface PhraseSet {
  /** The first phrase found in the text, as written in the knowledge, or null. */
  find(text: PreparedText): string | null;
  /** Every phrase found, each once, with the word position where it starts. */
  findAll(text: PreparedText): PhraseMatch[];
}

export interface PhraseMatch {
  phrase: string;
  start: number;
  /** Found only by reading a typo ("suicdal"): less certain than the words as written. */
  typo: boolean;
}

export interface PhraseSetOptions {
  maxGap: number;
  /** Skip a match preceded by "not" or "never" ("I don't want to die during the session"). */
  negatable: boolean;
  /** Words that must never be read as a typo of another word. */
  knownWords: ReadonlySet<string>;
  /** Read one-typo misspellings of phrase words at least this long (after stemming); 0 turns typos off. */
  typoMinLength: number;
}

/** Articles are left out of phrases, so "set up an appointment" also finds "set up a first appointment". */
const ARTICLES = new Set(['a', 'an', 'the']);

interface PhraseWord {
  /** The stem to match exactly, or the prefix for a wildcard word. */
  text: string;
  wildcard: boolean;
  fuzzy: boolean;
}

interface CompiledPhrase {
  source: string;
  words: PhraseWord[];
}

// "no" is not here: "no reason to keep going" is the crisis, not its negation.
const NEGATIONS = new Set(['not', 'never']);
/** Beyond this many words, only exact matches are looked for: typo tolerance is for questions, not essays. */
const FUZZY_MAX_TOKENS = 600;

export function createPhraseSet(phrases: readonly string[], reader: TextReader, options: PhraseSetOptions): PhraseSet {
  const compiled: CompiledPhrase[] = [];
  for (const source of phrases) {
    const tokens = reader.phraseTokens(source.replace(/\*/g, ' qxstarqx '));
    const words: PhraseWord[] = [];
    for (const token of tokens) {
      if (ARTICLES.has(token) && tokens.length > 1) continue;
      if (token === 'qxstarqx') {
        const last = words[words.length - 1];
        if (last) {
          last.wildcard = true;
          last.fuzzy = false;
        }
        continue;
      }
      words.push({ text: token, wildcard: false, fuzzy: false });
    }
    for (const word of words) {
      if (word.wildcard) continue;
      word.text = stem(word.text);
      word.fuzzy = options.typoMinLength > 0 && word.text.length >= options.typoMinLength;
    }
    if (words.length > 0) compiled.push({ source, words });
  }

  // Every exact word of every phrase, and a deletion index for one-typo look-ups.
  const vocabulary = new Set<string>();
  const deletions = new Map<string, Set<string>>();
  const addDeletion = (key: string, word: string) => {
    let set = deletions.get(key);
    if (!set) deletions.set(key, (set = new Set()));
    set.add(word);
  };
  for (const phrase of compiled) {
    for (const word of phrase.words) {
      if (word.wildcard) continue;
      vocabulary.add(word.text);
      if (!word.fuzzy) continue;
      addDeletion(word.text, word.text);
      for (let i = 0; i < word.text.length; i++) addDeletion(word.text.slice(0, i) + word.text.slice(i + 1), word.text);
    }
  }

  /** Phrase words (stems) that the word at a position of the text can stand for. */
  const readings = (text: PreparedText): Array<Set<string>> => {
    const out: Array<Set<string>> = [];
    for (let i = 0; i < text.stems.length; i++) {
      const s = text.stems[i]!;
      const token = text.tokens[i]!;
      const set = new Set<string>([s]);
      if (options.typoMinLength > 0 && !vocabulary.has(s) && i < FUZZY_MAX_TOKENS && s.length >= options.typoMinLength && !options.knownWords.has(token)) {
        const candidates = new Set<string>(deletions.get(s));
        for (let k = 0; k < s.length; k++) {
          const key = s.slice(0, k) + s.slice(k + 1);
          for (const c of deletions.get(key) ?? []) candidates.add(c);
        }
        // A typo seldom changes the first letter; reading one that does turns words into others ("father" → "rather").
        for (const c of candidates) if (c[0] === s[0] && editDistance(s, c, 1) <= 1) set.add(c);
      }
      out.push(set);
    }
    return out;
  };

  const wordMatches = (word: PhraseWord, position: number, text: PreparedText, read: Array<Set<string>> | null): boolean => {
    // `read` null: the words as written, no typo readings.
    if (!word.wildcard) return read ? read[position]!.has(word.text) : text.stems[position] === word.text;
    const token = text.tokens[position]!;
    if (token.startsWith(word.text)) return true;
    if (!read) return false;
    // a typo inside the fixed part of a wildcard word: "suicdal" for "suicid*"
    if (options.typoMinLength === 0 || word.text.length < options.typoMinLength || position >= FUZZY_MAX_TOKENS || options.knownWords.has(token)) return false;
    if (token[0] !== word.text[0]) return false;
    for (const length of [word.text.length - 1, word.text.length, word.text.length + 1]) {
      if (token.length >= length && editDistance(token.slice(0, length), word.text, 1) <= 1) return true;
    }
    return false;
  };

  /** Words of the phrase from `wordIndex` on, starting at or after `position`; articles in the text never count as a gap. */
  const matchFrom = (phrase: CompiledPhrase, wordIndex: number, position: number, text: PreparedText, read: Array<Set<string>> | null): boolean => {
    if (wordIndex === phrase.words.length) return true;
    const word = phrase.words[wordIndex]!;
    let gaps = 0;
    for (let p = position; p < text.tokens.length && gaps <= options.maxGap; p++) {
      if (wordMatches(word, p, text, read) && matchFrom(phrase, wordIndex + 1, p + 1, text, read)) return true;
      if (!ARTICLES.has(text.tokens[p]!)) gaps++;
    }
    return false;
  };

  const negated = (phrase: CompiledPhrase, start: number, text: PreparedText): boolean => {
    if (!options.negatable || NEGATIONS.has(phrase.words[0]!.text)) return false;
    for (let p = start - 1; p >= Math.max(0, start - 2); p--) if (NEGATIONS.has(text.tokens[p]!)) return true;
    return false;
  };

  const search = (text: PreparedText, all: boolean): PhraseMatch[] => {
    if (text.tokens.length === 0) return [];
    const read = readings(text);
    const positions = new Map<string, number[]>();
    read.forEach((set, position) => {
      for (const reading of set) {
        const list = positions.get(reading);
        if (list) list.push(position);
        else positions.set(reading, [position]);
      }
    });
    const everyPosition = text.tokens.map((_, i) => i);
    const found: PhraseMatch[] = [];
    for (const phrase of compiled) {
      const first = phrase.words[0]!;
      const starts = first.wildcard ? everyPosition : (positions.get(first.text) ?? []);
      for (const start of starts) {
        if (!wordMatches(first, start, text, read)) continue;
        if (matchFrom(phrase, 1, start + 1, text, read) && !negated(phrase, start, text)) {
          const typo = !(wordMatches(first, start, text, null) && matchFrom(phrase, 1, start + 1, text, null));
          found.push({ phrase: phrase.source, start, typo });
          if (!all) return found;
          break;
        }
      }
    }
    return found;
  };

  return {
    find: (text) => search(text, false)[0]?.phrase ?? null,
    findAll: (text) => search(text, true),
  };
}
