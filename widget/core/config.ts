import { DEFAULT_TUNING, type MatcherTuning } from './matching/matcher';

/**
 * Every threshold of the conversation in one frozen place. Knowledge words live in `knowledge/`;
 * these numbers are the engine's, measured on the development sets (docs/evaluation.md).
 */
export interface EngineConfig {
  /** Confidence a single match needs to be answered. */
  answer: number;
  /** Below `answer`, entries matched at least this surely are offered as a clarification instead of the fallback. */
  suggest: number;
  /** Two candidates closer than this, both plausible, make the assistant ask which was meant. */
  clarifyMargin: number;
  /** The runner-up must reach this for a clarification instead of an answer. */
  clarifyFloor: number;
  /** Distress with a question: the answer wins over the support reply only when this sure. */
  supportAnswer: number;
  /** The model's distress reading, below its support threshold, that marks a message as distressed… */
  distress: number;
  /** …which gets the support reply unless an entry answers it at least this surely. */
  distressAnswer: number;
  /** Right after a crisis reply, an entry answers only this surely; anything less gets the resources again. */
  afterCrisisAnswer: number;
  /** During the fit reflection, words that are not a choice are answered from an entry only this surely. */
  fitCheckAnswer: number;
  /** Only the learned model read eligibility: an entry matched this surely answers instead. */
  modelEligibilityAnswer: number;
  /** A booking word in a short message books unless an entry answers at least this surely. */
  bookingWordOverAnswer: number;
  /** A mention of an uncovered topic (fees, insurance) yields to an entry matched this surely… */
  outOfScopeOverride: number;
  /** …and this far ahead of the runner-up. */
  outOfScopeMargin: number;
  /** An entry matched this surely (its own phrasing) answers past any out-of-scope word. */
  outOfScopeExact: number;
  /** After the booking reply, words that ask nothing are answered from an entry only this surely. */
  afterBookingAnswer: number;
  /** A message of at most this many words right after an answer may be a follow-up of it. */
  followUpWords: number;
  /** A follow-up pointing back at the last answer ("that part") gets another entry only this surely. */
  followUpAnswer: number;
  /** Short follow-ups: a question of at most this many terms may lean on the last answer. */
  ellipsisTerms: number;
  /** How much the last answer and its follow-ups gain for such a question. */
  contextBoost: number;
  /** Weak risk signals in this many turns of one conversation make a crisis. */
  weakSignalsForCrisis: number;
  /** Share of an entry's confidence that comes from the topic model (0: the matcher alone). */
  topicWeight: number;
  /** The topic model's share fades to nothing as the matcher's best confidence goes from 1 − this to 1. */
  topicFade: number;
  /** The topic model reads booking or small talk this surely: that, unless an entry answers surely. */
  topicIntent: number;
  matcher: MatcherTuning;
}

export const DEFAULT_CONFIG: Readonly<EngineConfig> = Object.freeze({
  answer: 0.38,
  suggest: 0.3,
  clarifyMargin: 0.03,
  clarifyFloor: 0.38,
  supportAnswer: 0.7,
  distress: 0.4,
  distressAnswer: 0.6,
  afterCrisisAnswer: 0.6,
  fitCheckAnswer: 0.6,
  modelEligibilityAnswer: 0.6,
  bookingWordOverAnswer: 0.6,
  outOfScopeOverride: 0.6,
  outOfScopeMargin: 0.25,
  outOfScopeExact: 0.95,
  afterBookingAnswer: 0.6,
  followUpWords: 8,
  followUpAnswer: 0.6,
  ellipsisTerms: 3,
  contextBoost: 0.06,
  weakSignalsForCrisis: 2,
  topicWeight: 0.5,
  topicIntent: 0.6,
  topicFade: 0.3,
  matcher: DEFAULT_TUNING,
});

/** The defaults with some values replaced (for measurement); the result is frozen too. */
export function engineConfig(overrides: Partial<EngineConfig> = {}): Readonly<EngineConfig> {
  return Object.freeze({ ...DEFAULT_CONFIG, ...overrides, matcher: Object.freeze({ ...DEFAULT_CONFIG.matcher, ...overrides.matcher }) });
}
