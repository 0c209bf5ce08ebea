import { describe, expect, it } from 'vitest';
import { defaultKnowledge } from '../../../widget/core';
import { createReplyBuilder } from '../../../widget/core/conversation/replies';
import { buildFallbackStrings } from '../../../widget/embed/fallbackStrings';
import { shellStrings } from '../../../widget/embed/init';
import { DEFAULT_CONFIG } from '../../../widget/embed/readConfig';

describe('buildFallbackStrings', () => {
  it("gives every country of the knowledge the links of its 'Need help now?' card", () => {
    const strings = buildFallbackStrings(defaultKnowledge);
    expect(Object.keys(strings.countries)).toEqual(Object.keys(defaultKnowledge.crisis.countries));
    for (const code of Object.keys(defaultKnowledge.crisis.countries)) {
      const help = createReplyBuilder(defaultKnowledge, { country: code }).help();
      expect(strings.countries[code]!.links.map((l) => l.href)).toEqual(help.actions.map((a) => a.href));
    }
  });

  it('follows an edit of the knowledge: nothing is retyped', () => {
    const us = defaultKnowledge.crisis.countries.US!;
    const edited = {
      ...defaultKnowledge,
      crisis: { ...defaultKnowledge.crisis, countries: { ...defaultKnowledge.crisis.countries, US: { ...us, resources: { ...us.resources, 'lifeline-call': { kind: 'call' as const, label: 'Call 988 now', number: '988' } } } } },
    };
    expect(buildFallbackStrings(edited).countries.US!.links[0]).toEqual({ label: 'Call 988 now', href: 'tel:988' });
  });

  it("offers the booking link, then the practice's contact", () => {
    expect(buildFallbackStrings(defaultKnowledge).booking.map((l) => l.href)).toEqual([defaultKnowledge.practice.booking.url, 'mailto:hello@example.com']);
  });
});

describe('shellStrings', () => {
  const strings = buildFallbackStrings(defaultKnowledge);

  it('uses the configured country, and the default one for a country the loader does not know', () => {
    expect(shellStrings(strings, { ...DEFAULT_CONFIG, country: 'GB' }).crisisLinks).toEqual(strings.countries.GB!.links);
    expect(shellStrings(strings, { ...DEFAULT_CONFIG, country: 'NZ' }).crisisLinks).toEqual(strings.countries.US!.links);
  });

  it("lays the script tag's booking link, title and launcher label over the knowledge's", () => {
    const shell = shellStrings(strings, { ...DEFAULT_CONFIG, bookingUrl: 'https://therapy.example/book', title: 'Ask us', launcherLabel: 'Chat' });
    expect(shell.booking[0]).toEqual({ label: strings.booking[0]!.label, href: 'https://therapy.example/book' });
    expect(shell.booking[1]).toEqual(strings.booking[1]);
    expect([shell.title, shell.launcherLabel]).toEqual(['Ask us', 'Chat']);
  });
});
