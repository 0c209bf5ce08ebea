import { describe, it, expect } from 'vitest';
import { defaultKnowledge, defaultKnowledgeFiles } from '../../../widget/core/knowledge/defaultKnowledge';
import * as say from '../../../widget/core/knowledge/errorMessages';
import type { ProblemText } from '../../../widget/core/knowledge/errorMessages';
import {
  formatProblem,
  SECTION_FILES,
  validateKnowledgeDocument,
  validateKnowledgeFiles,
  type Problem,
} from '../../../widget/core/knowledge/validateKnowledge';
import { copyDefaultFiles, remove, set, type KnowledgeFiles } from './knowledgeFiles';

const SECTIONS = Object.keys(SECTION_FILES);

const errors = (problems: Problem[]) => problems.filter((p) => p.severity === 'error');
const warnings = (problems: Problem[]) => problems.filter((p) => p.severity === 'warning');

function problemsAfter(edit: (files: KnowledgeFiles) => void): Problem[] {
  const files = copyDefaultFiles();
  edit(files);
  return validateKnowledgeFiles(files).problems;
}

describe('validateKnowledgeFiles', () => {
  describe('with the default knowledge', () => {
    const result = validateKnowledgeFiles(defaultKnowledgeFiles);

    it('reports no errors', () => {
      expect(errors(result.problems)).toEqual([]);
      expect(result.ok).toBe(true);
    });

    it('returns the knowledge of all files merged', () => {
      expect(Object.keys(result.knowledge ?? {}).sort()).toEqual([...SECTIONS].sort());
      expect(result.knowledge?.faq).toEqual(defaultKnowledge.faq);
    });

    it('warns that the booking link and contact email are still the example ones', () => {
      const { url } = defaultKnowledge.practice.booking;
      const email = defaultKnowledge.practice.contact?.email ?? '';
      expect(warnings(result.problems)).toEqual(
        expect.arrayContaining([
          { severity: 'warning', file: 'practice.json', path: 'practice.booking.url', ...say.placeholderBookingUrl(url) },
          { severity: 'warning', file: 'practice.json', path: 'practice.contact.email', ...say.placeholderEmail(email) },
        ]),
      );
    });
  });

  describe('with a broken copy', () => {
    const cases: Array<[situation: string, edit: (f: KnowledgeFiles) => void, file: string, path: string, text: ProblemText]> = [
      ['an answer that is a number', (f) => set(f['faq.json'].faq[3]!, 'answer', 42), 'faq.json', 'faq[3].answer', say.wrongType('text', 42)],
      ['alternates written as one text', (f) => set(f['faq.json'].faq[1]!, 'alternates', 'Who is KAP for?'), 'faq.json', 'faq[1].alternates', say.wrongType('list', 'Who is KAP for?')],
      ['a section that is a list', (f) => set(f['fit.json'], 'fit', []), 'fit.json', 'fit', say.wrongType('settings', [])],
      ['a missing question', (f) => remove(f['faq.json'].faq[2]!, 'question'), 'faq.json', 'faq[2].question', say.missingField('question')],
      ['an empty greeting', (f) => set(f['practice.json'].messages, 'greeting', '  '), 'practice.json', 'messages.greeting', say.emptyText()],
      ['an empty alternate', (f) => f['faq.json'].faq[0]!.alternates.splice(1, 0, ''), 'faq.json', 'faq[0].alternates[1]', say.emptyText()],
      ['a misspelt field', (f) => set(f['faq.json'].faq[0]!, 'alternate', []), 'faq.json', 'faq[0].alternate', say.unknownField('alternate', 'alternates')],
      ['an unknown section', (f) => set(f['practice.json'], 'faqs', []), 'practice.json', 'faqs', say.unknownSection('faqs', 'faq', SECTIONS)],
      ['an id with capitals and spaces', (f) => set(f['faq.json'].faq[4]!, 'id', 'Treatment Overview'), 'faq.json', 'faq[4].id', say.badEntryId('Treatment Overview')],
      ['an id used twice', (f) => set(f['faq.json'].faq[5]!, 'id', 'what-is-kap'), 'faq.json', 'faq[5].id', say.duplicateId('what-is-kap', 'faq[0]')],
      ['a follow-up to no entry', (f) => set(f['faq.json'].faq[1]!, 'followUps', ['what-is-kap', 'integratoin']), 'faq.json', 'faq[1].followUps[1]', say.brokenFollowUp('integratoin', 'integration')],
      ['a required entry removed', (f) => set(f['faq.json'], 'faq', f['faq.json'].faq.filter((e) => e.id !== 'lose-control')), 'faq.json', 'faq', say.missingRequiredEntry('lose-control')],
      ['no crisis line to call', (f) => set(f['practice.json'].crisis, 'resources', f['practice.json'].crisis.resources.filter((r) => r.kind !== 'call')), 'practice.json', 'crisis.resources', say.noCallResource()],
      ['no crisis resources at all', (f) => set(f['practice.json'].crisis, 'resources', []), 'practice.json', 'crisis.resources', say.tooFewItems(0, 1, 'resource')],
      ['a crisis line without a number', (f) => remove(f['practice.json'].crisis.resources[0]!, 'number'), 'practice.json', 'crisis.resources[0].number', say.resourceNeeds('call', 'number')],
      ['a crisis resource of an unknown kind', (f) => set(f['practice.json'].crisis.resources[1]!, 'kind', 'sms'), 'practice.json', 'crisis.resources[1].kind', say.notOneOf('sms', ['call', 'text', 'link'])],
      ['a booking link over http', (f) => set(f['practice.json'].practice.booking, 'url', 'http://my-practice.com/book'), 'practice.json', 'practice.booking.url', say.badBookingUrl('http://my-practice.com/book')],
      ['a booking link without its scheme', (f) => set(f['practice.json'].practice.booking, 'url', 'www.my-practice.com'), 'practice.json', 'practice.booking.url', say.badBookingUrl('www.my-practice.com')],
      ['a contact email with mailto:', (f) => set(f['practice.json'].practice.contact!, 'email', 'mailto:me@x.org'), 'practice.json', 'practice.contact.email', say.badEmail('mailto:me@x.org')],
      ['a pattern that does not compile', (f) => f['safety.json'].safety.eligibility.patterns!.unshift('(unclosed'), 'safety.json', 'safety.eligibility.patterns[0]', say.badPattern('(unclosed', 'Unterminated group')],
      ['a crisis pattern that does not compile', (f) => set(f['safety.json'].safety.crisis, 'patterns', ['\\bgive up[']), 'safety.json', 'safety.crisis.patterns[0]', say.badPattern('\\bgive up[', 'Unterminated character class')],
      ['no crisis phrases', (f) => set(f['safety.json'].safety.crisis, 'phrases', []), 'safety.json', 'safety.crisis.phrases', say.tooFewItems(0, 1, 'phrase')],
      ['a fit question with one choice', (f) => f['fit.json'].fit.questions[2]!.choices.splice(1), 'fit.json', 'fit.questions[2].choices', say.tooFewItems(1, 2, 'choice')],
      ['a fit choice worth "maybe"', (f) => set(f['fit.json'].fit.questions[0]!.choices[1]!, 'value', 'maybe'), 'fit.json', 'fit.questions[0].choices[1].value', say.notOneOf('maybe', ['yes', 'some', 'unsure', 'no'])],
      ['two fit questions with one id', (f) => set(f['fit.json'].fit.questions[1]!, 'id', 'personal-work'), 'fit.json', 'fit.questions[1].id', say.duplicateId('personal-work', 'fit.questions[0]')],
      ['an empty synonym key', (f) => set(f['language.json'].language.synonyms, ' ', ['x']), 'language.json', 'language.synonyms[" "]', say.emptyText()],
      ['a synonym that is not a list', (f) => set(f['language.json'].language.synonyms, 'ifs', 'parts work'), 'language.json', 'language.synonyms.ifs', say.wrongType('list', 'parts work')],
      ['a section defined in two files', (f) => (f['extra.json'] = { fit: f['fit.json'].fit }), 'extra.json', 'fit', say.sectionTwice('fit', 'fit.json')],
      ['a file that is a list', (f) => (f['extra.json'] = []), 'extra.json', '', say.fileNotObject()],
    ];

    it.each(cases)('reports %s with its file, path and fix', (_, edit, file, path, text) => {
      expect(errors(problemsAfter(edit))).toContainEqual({ severity: 'error', file, path, ...text });
    });

    it('is not ok and returns no knowledge', () => {
      const files = copyDefaultFiles();
      set(files['faq.json'].faq[3]!, 'answer', 42);
      const result = validateKnowledgeFiles(files);
      expect(result.ok).toBe(false);
      expect(result.knowledge).toBeUndefined();
    });

    it('reports a section no file defines, without a file', () => {
      const problems = problemsAfter((f) => remove(f, 'fit.json'));
      expect(problems).toContainEqual({ severity: 'error', path: 'fit', ...say.missingSection('fit', 'fit.json') });
    });

    it('accepts missing sections when partial', () => {
      const { 'fit.json': fit, 'faq.json': faq } = copyDefaultFiles();
      const result = validateKnowledgeFiles({ 'fit.json': fit, 'faq.json': faq }, { partial: true });
      expect(errors(result.problems)).toEqual([]);
      expect(result.knowledge).toBeUndefined();
    });

    it('reports one wrong type once, not again as a missing field', () => {
      const problems = problemsAfter((f) => remove(f['faq.json'].faq[2]!, 'alternates'));
      expect(problems.filter((p) => p.path === 'faq[2].alternates')).toEqual([{ severity: 'error', file: 'faq.json', path: 'faq[2].alternates', ...say.missingField('alternates') }]);
    });
  });

  describe('warnings', () => {
    /** The path of an alternate appended to the first entry. */
    const appended = `faq[0].alternates[${defaultKnowledge.faq[0]!.alternates.length}]`;
    const cases: Array<[situation: string, edit: (f: KnowledgeFiles) => void, path: string, text: ProblemText]> = [
      ['an entry with two phrasings', (f) => set(f['faq.json'].faq[6]!, 'alternates', ['What happens in a session?']), 'faq[6].alternates', say.fewPhrasings(2)],
      ['an answer too long for a chat bubble', (f) => set(f['faq.json'].faq[7]!, 'answer', 'word '.repeat(181)), 'faq[7].answer', say.longAnswer(905, 900)],
      ['a link that is not https', (f) => set(f['faq.json'].faq[7]!, 'answer', 'See [our page](http://my-practice.com).'), 'faq[7].answer', say.unsafeAnswerLink('http://my-practice.com')],
      ['an alternate repeated in its entry', (f) => f['faq.json'].faq[0]!.alternates.push('what is  KAP'), appended, say.duplicatePhrasing('what is  KAP', 'faq[0].alternates[0]')],
      [
        "an alternate that is another entry's question",
        (f) => f['faq.json'].faq[0]!.alternates.push(f['faq.json'].faq[8]!.question),
        appended,
        say.phrasingOfOtherEntry(defaultKnowledge.faq[8]!.question, 'is-it-a-cure', 'faq[8].question'),
      ],
    ];

    it.each(cases)('warns about %s', (_, edit, path, text) => {
      const problems = problemsAfter(edit);
      expect(errors(problems)).toEqual([]);
      expect(problems).toContainEqual({ severity: 'warning', file: 'faq.json', path, ...text });
    });

    it('warns about a character counter without {count}', () => {
      const problems = problemsAfter((f) => set(f['practice.json'].ui, 'charactersLeft', 'characters left'));
      expect(problems).toContainEqual({ severity: 'warning', file: 'practice.json', path: 'ui.charactersLeft', ...say.missingPlaceholder('{count}') });
    });

    it('accepts a booking page of the same site and a real email without warning', () => {
      const problems = problemsAfter((f) => {
        set(f['practice.json'].practice.booking, 'url', '/book');
        set(f['practice.json'].practice.contact!, 'email', 'hello@riverside-therapy.com');
      });
      expect(problems.filter((p) => p.path.startsWith('practice.'))).toEqual([]);
    });
  });
});

describe('validateKnowledgeDocument', () => {
  it('accepts the merged default knowledge', () => {
    const result = validateKnowledgeDocument(defaultKnowledge);
    expect(errors(result.problems)).toEqual([]);
    expect(result.knowledge?.practice).toEqual(defaultKnowledge.practice);
  });

  it('reports problems without a file', () => {
    const doc = structuredClone(defaultKnowledge);
    set(doc.faq[3]!, 'answer', 42);
    expect(validateKnowledgeDocument(doc).problems).toContainEqual({ severity: 'error', path: 'faq[3].answer', ...say.wrongType('text', 42) });
  });

  it('reports missing sections unless partial', () => {
    const faqOnly = structuredClone(defaultKnowledgeFiles['faq.json']);
    expect(validateKnowledgeDocument(faqOnly).problems).toContainEqual({ severity: 'error', path: 'practice', ...say.missingSection('practice', 'practice.json') });
    expect(validateKnowledgeDocument(faqOnly, { partial: true }).ok).toBe(true);
  });

  it('reports a document that is not an object', () => {
    expect(validateKnowledgeDocument('faq').problems).toContainEqual({ severity: 'error', path: '', ...say.fileNotObject() });
  });
});

describe('formatProblem', () => {
  const problem: Problem = { severity: 'error', file: 'faq.json', path: 'faq[3].answer', ...say.wrongType('text', 42) };

  it('names the file, the path, what is wrong and the fix on one line', () => {
    expect(formatProblem(problem, { directory: 'knowledge' })).toBe(`knowledge/faq.json: faq[3].answer: ${problem.message}. Fix: ${problem.fix}`);
  });

  it('starts with the library name for the browser console', () => {
    expect(formatProblem(problem, { console: true })).toBe(`KapChat knowledge: faq.json: faq[3].answer: ${problem.message}. Fix: ${problem.fix}`);
  });

  it('gives the line and column of a syntax error', () => {
    const syntax: Problem = { severity: 'error', file: 'faq.json', path: '', line: 3, column: 7, ...say.invalidJson('missing-comma') };
    expect(formatProblem(syntax)).toBe(`faq.json: line 3, column 7: ${syntax.message}. Fix: ${syntax.fix}`);
  });
});
