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
/** Problems without their place in words, so cases can compare path, message and fix; the places have their own tests. */
const unplaced = (problems: Problem[]) => problems.map(({ place: _place, ...rest }) => rest as Problem);
const warnings = (problems: Problem[]) => problems.filter((p) => p.severity === 'warning');

function problemsAfter(edit: (files: KnowledgeFiles) => void): Problem[] {
  const files = copyDefaultFiles();
  edit(files);
  return unplaced(validateKnowledgeFiles(files).problems);
}

function placedProblemsAfter(edit: (files: KnowledgeFiles) => void): Problem[] {
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
      expect(warnings(unplaced(result.problems))).toEqual(
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
      ['an id used twice', (f) => set(f['faq.json'].faq[5]!, 'id', 'what-is-kap'), 'faq.json', 'faq[5].id', say.duplicateId('what-is-kap', `entry what-is-kap (${defaultKnowledge.faq[0]!.question})`)],
      ['a follow-up to no entry', (f) => set(f['faq.json'].faq[1]!, 'followUps', ['what-is-kap', 'integratoin']), 'faq.json', 'faq[1].followUps[1]', say.brokenFollowUp('integratoin', 'integration')],
      ['a required entry removed', (f) => set(f['faq.json'], 'faq', f['faq.json'].faq.filter((e) => e.id !== 'lose-control')), 'faq.json', 'faq', say.missingRequiredEntry('lose-control')],
      ['a booking link over http', (f) => set(f['practice.json'].practice.booking, 'url', 'http://my-practice.com/book'), 'practice.json', 'practice.booking.url', say.badBookingUrl('http://my-practice.com/book')],
      ['a booking link without its scheme', (f) => set(f['practice.json'].practice.booking, 'url', 'www.my-practice.com'), 'practice.json', 'practice.booking.url', say.badBookingUrl('www.my-practice.com')],
      ['a contact email with mailto:', (f) => set(f['practice.json'].practice.contact!, 'email', 'mailto:me@x.org'), 'practice.json', 'practice.contact.email', say.badEmail('mailto:me@x.org')],
      ['a pattern that does not compile', (f) => f['safety.json'].safety.eligibility.patterns!.unshift('(unclosed'), 'safety.json', 'safety.eligibility.patterns[0]', say.badPattern('(unclosed', 'Unterminated group')],
      ['a crisis pattern that does not compile', (f) => set(f['safety.json'].safety.crisis, 'patterns', ['\\bgive up[']), 'safety.json', 'safety.crisis.patterns[0]', say.badPattern('\\bgive up[', 'Unterminated character class')],
      ['no crisis phrases', (f) => set(f['safety.json'].safety.crisis, 'phrases', []), 'safety.json', 'safety.crisis.phrases', say.tooFewItems(0, 1, 'phrase')],
      ['a fit question with one choice', (f) => f['fit.json'].fit.questions[2]!.choices.splice(1), 'fit.json', 'fit.questions[2].choices', say.tooFewItems(1, 2, 'choice')],
      ['a fit choice worth "maybe"', (f) => set(f['fit.json'].fit.questions[0]!.choices[1]!, 'value', 'maybe'), 'fit.json', 'fit.questions[0].choices[1].value', say.notOneOf('maybe', ['yes', 'some', 'unsure', 'no'])],
      ['two fit questions with one id', (f) => set(f['fit.json'].fit.questions[1]!, 'id', 'personal-work'), 'fit.json', 'fit.questions[1].id', say.duplicateId('personal-work', `reflection question personal-work (${defaultKnowledge.fit.questions[0]!.text})`)],
      ['an empty synonym key', (f) => set(f['language.json'].language.synonyms, ' ', ['x']), 'language.json', 'language.synonyms[" "]', say.emptyText()],
      ['a synonym that is not a list', (f) => set(f['language.json'].language.synonyms, 'ifs', 'parts work'), 'language.json', 'language.synonyms.ifs', say.wrongType('list', 'parts work')],
      ['a section defined in two files', (f) => (f['extra.json'] = { fit: f['fit.json'].fit }), 'extra.json', 'fit', say.sectionTwice('fit', 'fit.json')],
      ['a file that is a list', (f) => (f['extra.json'] = []), 'extra.json', '', say.fileNotObject()],
      ['an avatar that is a name, not a monogram', (f) => set(f['practice.json'].practice, 'avatar', 'Example Therapy'), 'practice.json', 'practice.avatar', say.badAvatar('Example Therapy')],
      ['an avatar image over http', (f) => set(f['practice.json'].practice, 'avatar', 'http://x.org/a.png'), 'practice.json', 'practice.avatar', say.badAvatar('http://x.org/a.png')],
      ['a language that is not a tag', (f) => set(f['practice.json'].practice, 'lang', 'English'), 'practice.json', 'practice.lang', say.badLanguageTag('English')],
      ['a missing label of the clear question', (f) => remove(f['practice.json'].ui, 'clearAsk'), 'practice.json', 'ui.clearAsk', say.missingField('clearAsk')],
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
      ['an alternate repeated in its entry', (f) => f['faq.json'].faq[0]!.alternates.push('what is  KAP'), appended, say.duplicatePhrasing('what is  KAP', `entry what-is-kap (${defaultKnowledge.faq[0]!.question}), alternate 1`)],
      [
        "an alternate that is another entry's question",
        (f) => f['faq.json'].faq[0]!.alternates.push(f['faq.json'].faq[8]!.question),
        appended,
        say.phrasingOfOtherEntry(defaultKnowledge.faq[8]!.question, `entry is-it-a-cure (${defaultKnowledge.faq[8]!.question}), question`),
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

    it.each(['ET', 'É', '/images/practice.png', 'https://riverside-therapy.com/logo.png'])('accepts the avatar %s', (avatar) => {
      const problems = problemsAfter((f) => set(f['practice.json'].practice, 'avatar', avatar));
      expect(problems.filter((p) => p.path === 'practice.avatar')).toEqual([]);
    });

    it('accepts a knowledge without avatar or language', () => {
      const problems = problemsAfter((f) => {
        remove(f['practice.json'].practice, 'avatar');
        remove(f['practice.json'].practice, 'lang');
      });
      expect(problems.filter((p) => p.path.startsWith('practice.'))).toEqual(problemsAfter(() => {}).filter((p) => p.path.startsWith('practice.')));
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

describe('validateKnowledgeFiles, on the crisis presets', () => {
  const US = 'crisis.countries.US';
  const us = (f: KnowledgeFiles) => f['practice.json'].crisis.countries.US!;
  const cases: Array<[situation: string, edit: (f: KnowledgeFiles) => void, path: string, text: ProblemText]> = [
    ['a kind whose resources have no line to call', (f) => set(us(f).kinds!.violence!, 'resources', ['dv-text']), `${US}.kinds.violence.resources`, say.noCallResource(['emergency', 'lifeline-call'])],
    ['a kind that names a resource the country lacks', (f) => set(us(f).kinds!.medical!, 'resources', ['emergency', 'poison-contrl']), `${US}.kinds.medical.resources[1]`, say.unknownResource('poison-contrl', 'poison-control', Object.keys(defaultKnowledge.crisis.countries.US!.resources))],
    ['a help list with no resources', (f) => set(us(f).help, 'resources', []), `${US}.help.resources`, say.tooFewItems(0, 1, 'resource')],
    ['a kind without its lead sentence', (f) => remove(us(f).kinds!['self-harm']!, 'lead'), `${US}.kinds["self-harm"].lead`, say.missingField('lead')],
    ['a misspelt kind', (f) => set(us(f).kinds!, 'self-harms', us(f).kinds!['self-harm']), `${US}.kinds["self-harms"]`, say.unknownField('self-harms', 'self-harm')],
    ['a crisis line without a number', (f) => remove(us(f).resources['lifeline-call']!, 'number'), `${US}.resources["lifeline-call"].number`, say.resourceNeeds('call', 'number')],
    ['a number with letters', (f) => set(us(f).resources['poison-control']!, 'number', '1-800-POISON'), `${US}.resources["poison-control"].number`, say.badPhone('1-800-POISON')],
    ['a crisis resource of an unknown kind', (f) => set(us(f).resources['lifeline-text']!, 'kind', 'sms'), `${US}.resources["lifeline-text"].kind`, say.notOneOf('sms', ['call', 'text', 'link'])],
    ['a resource id with capitals', (f) => set(us(f).resources, 'Poison', us(f).resources['poison-control']), `${US}.resources.Poison`, say.badResourceId('Poison')],
    ['a label language that is not a tag', (f) => set(us(f).resources['lifeline-spanish']!, 'lang', 'Spanish!'), `${US}.resources["lifeline-spanish"].lang`, say.badLanguageTag('Spanish!')],
    ['a country without resources', (f) => set(us(f), 'resources', {}), `${US}.resources`, say.tooFewItems(0, 1, 'resource')],
    ['a country without its line', (f) => remove(us(f), 'line'), `${US}.line`, say.missingField('line')],
    ['a country code in lowercase', (f) => set(f['practice.json'].crisis.countries, 'nz', us(f)), 'crisis.countries.nz', say.badCountryCode('nz')],
    ['a default country that is not listed', (f) => set(f['practice.json'].crisis, 'defaultCountry', 'UK'), 'crisis.defaultCountry', say.unknownDefaultCountry('UK', ['US', 'CA', 'GB', 'AU', 'EU'], 'US')],
    ['no countries at all', (f) => set(f['practice.json'].crisis, 'countries', {}), 'crisis.countries', say.tooFewItems(0, 1, 'country')],
    ['the old single list of resources', (f) => set(f['practice.json'].crisis, 'resources', [{ kind: 'call', label: 'Call 999', number: '999' }]), 'crisis.resources', say.crisisFormatChanged('resources')],
  ];

  it.each(cases)('reports %s in practice.json, with its place and fix', (_, edit, path, text) => {
    expect(errors(problemsAfter(edit))).toContainEqual({ severity: 'error', file: 'practice.json', path, ...text });
  });

  it('warns about a country that orders no resources for some kinds', () => {
    const problems = problemsAfter((f) => {
      remove(us(f).kinds!, 'medical');
      remove(us(f).kinds!, 'violence');
    });
    expect(errors(problems)).toEqual([]);
    expect(problems).toContainEqual({ severity: 'warning', file: 'practice.json', path: `${US}.kinds`, ...say.missingCrisisKinds(['medical', 'violence']) });
  });

  it('accepts a country with only its general help', () => {
    const problems = problemsAfter((f) => {
      const nz = { name: 'New Zealand', line: 'Call or text 1737 any time. In an emergency, call 111.', resources: { emergency: { kind: 'call', label: 'Call 111', number: '111' } }, help: { lead: 'Call 111.', resources: ['emergency'] } };
      set(f['practice.json'].crisis.countries, 'NZ', nz);
    });
    expect(errors(problems)).toEqual([]);
  });

  it('gives a fix that says what to write', () => {
    const [problem] = errors(placedProblemsAfter((f) => set(us(f).kinds!.medical!, 'resources', ['poison-contrl'])));
    expect(formatProblem(problem!, { directory: 'knowledge' })).toBe(
      'knowledge/practice.json: crisis → countries → US → kinds → medical → resources, item 1: "poison-contrl" is not one of this country\'s resources. ' +
        'Fix: Did you mean "poison-control"? Use the id of one of its resources ("emergency", "lifeline-call", "lifeline-text", "lifeline-spanish", "poison-control", "dv-call", "dv-text"), or add "poison-contrl" to its "resources".',
    );
  });

  it('warns about a fallback help line without {button}', () => {
    const problems = problemsAfter((f) => set(f['practice.json'].messages, 'fallbackHelp', 'Use the help button.'));
    expect(problems).toContainEqual({ severity: 'warning', file: 'practice.json', path: 'messages.fallbackHelp', ...say.missingPlaceholder('{button}') });
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
    expect(unplaced(validateKnowledgeDocument(doc).problems)).toContainEqual({ severity: 'error', path: 'faq[3].answer', ...say.wrongType('text', 42) });
  });

  it('reports missing sections unless partial', () => {
    const faqOnly = structuredClone(defaultKnowledgeFiles['faq.json']);
    expect(unplaced(validateKnowledgeDocument(faqOnly).problems)).toContainEqual({ severity: 'error', path: 'practice', ...say.missingSection('practice', 'practice.json') });
    expect(validateKnowledgeDocument(faqOnly, { partial: true }).ok).toBe(true);
  });

  it('reports a document that is not an object', () => {
    expect(unplaced(validateKnowledgeDocument('faq').problems)).toContainEqual({ severity: 'error', path: '', ...say.fileNotObject() });
  });
});

describe('the place of a problem, in words', () => {
  const cure = defaultKnowledge.faq.findIndex((e) => e.id === 'is-it-a-cure');
  const question = defaultKnowledge.faq[cure]!.question;

  it('names an entry by its id and question, not by its position', () => {
    const [problem] = errors(placedProblemsAfter((f) => set(f['faq.json'].faq[cure]!, 'answer', 42)));
    expect(problem).toMatchObject({ path: `faq[${cure}].answer`, place: `entry is-it-a-cure (${question}), answer` });
    expect(formatProblem(problem!, { directory: 'knowledge' })).toBe(`knowledge/faq.json: entry is-it-a-cure (${question}), answer: ${problem!.message}. Fix: ${problem!.fix}`);
  });

  it('counts alternates from 1', () => {
    const problems = placedProblemsAfter((f) => f['faq.json'].faq[cure]!.alternates.splice(1, 0, ''));
    expect(problems).toContainEqual(expect.objectContaining({ place: `entry is-it-a-cure (${question}), alternate 2`, ...say.emptyText() }));
  });

  it('names an entry without an id by its number and question', () => {
    const problems = placedProblemsAfter((f) => remove(f['faq.json'].faq[cure]!, 'id'));
    expect(problems).toContainEqual(expect.objectContaining({ place: `entry number ${cure + 1} (no id yet) (${question}), id` }));
  });

  it('names practice settings with the words of the form', () => {
    const problems = placedProblemsAfter((f) => set(f['practice.json'].practice.booking, 'url', 'http://x.org'));
    expect(problems).toContainEqual(expect.objectContaining({ place: 'practice settings, booking link', ...say.badBookingUrl('http://x.org') }));
  });

  it('names the entry an alternate repeats', () => {
    const other = defaultKnowledge.faq[0]!;
    const problems = placedProblemsAfter((f) => f['faq.json'].faq[cure]!.alternates.push(other.question));
    expect(problems.map((p) => p.message)).toContain(say.phrasingOfOtherEntry(other.question, `entry ${other.id} (${other.question}), question`).message);
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
