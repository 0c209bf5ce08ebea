import { describe, it, expect } from 'vitest';
import { defaultKnowledge } from '../../../widget/core/knowledge/defaultKnowledge';
import * as say from '../../../widget/core/knowledge/errorMessages';
import { phrasingProblems } from '../../../widget/core/knowledge/phrasingCheck';
import type { Problem } from '../../../widget/core/knowledge/validateKnowledge';
import type { Knowledge } from '../../../widget/core/types';

/** The default knowledge with one more alternate for the first entry ("what-is-kap"), and where it lands. */
function withAlternate(phrasing: string): { knowledge: Knowledge; path: string } {
  const knowledge = structuredClone(defaultKnowledge);
  const alternates = knowledge.faq[0]!.alternates;
  alternates.push(phrasing);
  return { knowledge, path: `faq[0].alternates[${alternates.length - 1}]` };
}

/** The problems at `path`, without their place in words (tested on its own below). */
const at = (problems: Problem[], path: string) => problems.filter((p) => p.path === path).map(({ place: _place, ...rest }) => rest);

describe('phrasingProblems', () => {
  describe('with the default knowledge', () => {
    const problems = phrasingProblems(defaultKnowledge, { file: 'faq.json' });

    it('returns only warnings, each about a phrasing of the FAQ in faq.json', () => {
      for (const problem of problems) {
        expect(problem).toMatchObject({ severity: 'warning', file: 'faq.json' });
        expect(problem.path).toMatch(/^faq\[\d+\]\.(?:question|alternates\[\d+\])$/);
      }
    });

    it('finds no two entries the matcher cannot tell apart', () => {
      expect(problems.filter((p) => p.message.includes('cannot tell them apart'))).toEqual([]);
    });
  });

  describe('with planted phrasings', () => {
    it("warns about an alternate answered by another entry, naming that entry", () => {
      const phrasing = defaultKnowledge.faq[8]!.question;
      const { knowledge, path } = withAlternate(phrasing);
      expect(at(phrasingProblems(knowledge), path)).toEqual([{ severity: 'warning', path, ...say.phrasingLandsElsewhere(phrasing, 'is-it-a-cure') }]);
    });

    it('warns that an alternate sent to the eligibility reply never reaches its entry', () => {
      const phrasing = 'Can I take ketamine if I am on zoloft?';
      const { knowledge, path } = withAlternate(phrasing);
      expect(at(phrasingProblems(knowledge), path)).toEqual([{ severity: 'warning', path, ...say.phrasingSafetyRoute(phrasing, 'eligibility', 'medication: zoloft') }]);
    });

    it('warns about an alternate made only of words the matcher ignores', () => {
      const phrasing = 'Was it this or that?';
      const { knowledge, path } = withAlternate(phrasing);
      expect(at(phrasingProblems(knowledge), path)).toEqual([{ severity: 'warning', path, ...say.phrasingFallsBack(phrasing, undefined) }]);
    });

    it('warns about an alternate read as a topic the knowledge does not cover', () => {
      // One known word ("cost") is not enough for an entry to win over the out-of-scope words.
      const phrasing = 'How much does it cost?';
      const { knowledge, path } = withAlternate(phrasing);
      expect(at(phrasingProblems(knowledge), path)).toEqual([{ severity: 'warning', path, ...say.phrasingFallsBack(phrasing, 'cost') }]);
    });

    it('warns about an alternate read as a booking request', () => {
      const phrasing = 'Can I book a session?';
      const { knowledge, path } = withAlternate(phrasing);
      expect(at(phrasingProblems(knowledge), path)).toEqual([{ severity: 'warning', path, ...say.phrasingOtherRoute(phrasing, 'booking', 'booking') }]);
    });

    it('warns about two entries asking the same question', () => {
      const knowledge = structuredClone(defaultKnowledge);
      knowledge.faq[1]!.question = knowledge.faq[0]!.question;
      expect(at(phrasingProblems(knowledge), 'faq[1].question')).toContainEqual({ severity: 'warning', path: 'faq[1].question', ...say.nearDuplicateEntries('who-might-benefit', 'what-is-kap') });
    });

    it('names the entry of the phrasing by its id and question', () => {
      const { knowledge, path } = withAlternate('Can I book a session?');
      const [problem] = phrasingProblems(knowledge).filter((p) => p.path === path);
      const entry = defaultKnowledge.faq[0]!;
      expect(problem?.place).toBe(`entry ${entry.id} (${entry.question}), alternate ${entry.alternates.length + 1}`);
    });
  });
});
