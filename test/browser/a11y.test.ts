/**
 * axe-core on the widget (its shadow tree included) in each state a visitor can see it in.
 * Not on /csp/: injecting axe there would itself violate the policy (hostPages.test.ts covers it).
 */
import { describe, expect, it } from 'vitest';
import { DESKTOP, LANDSCAPE, PHONE, QUESTIONS, runAxe, useHarness, ZOOM_200, type OpenOptions, type WidgetPage } from './harness';

const harness = useHarness();

async function expectNoViolations(widget: WidgetPage) {
  // axe reads the colours as drawn: halfway through the panel's fade-in they are mixed with the page.
  await widget.page.evaluate(() =>
    Promise.all(
      (document.querySelector('kap-chat-widget')?.shadowRoot?.getAnimations() ?? [])
        .filter((a) => a.effect?.getComputedTiming().endTime !== Infinity)
        .map((a) => a.finished),
    ),
  );
  const report = await runAxe(widget.page);
  expect(report.violations.join('\n\n'), 'axe-core violations in the widget').toBe('');
  expect(report.shadowNodesChecked, 'elements axe checked inside the shadow root').toBeGreaterThan(0);
}

async function withReplies(widget: WidgetPage) {
  await widget.openPanel();
  for (const question of [QUESTIONS.answer, QUESTIONS.eligibility, QUESTIONS.crisis]) await widget.ask(question);
  await widget.crisis.waitFor({ state: 'visible' });
}

describe('the widget, checked by axe-core', () => {
  // Closed, then opened on the same page: one page load, both states checked.
  it('has no violations when closed, nor once opened', async () => {
    const widget = await harness.open('/', { reducedMotion: false });

    await expectNoViolations(widget);

    await widget.openPanel();

    await expectNoViolations(widget);
  });

  // Three replies with the typing delay, then the help card over them: one walk, both states checked.
  it('has no violations after an answer, an eligibility reply and a crisis reply, nor with the "Need help now?" card open then', async () => {
    const widget = await harness.open('/', { reducedMotion: false });

    await withReplies(widget);

    await expectNoViolations(widget);

    await widget.help.click();
    await widget.helpCard.waitFor({ state: 'visible' });

    await expectNoViolations(widget);
  });

  it('has no violations on a phone (390x844), open with replies', async () => {
    const widget = await harness.open('/', { viewport: PHONE, phone: true, reducedMotion: false });

    await withReplies(widget);

    await expectNoViolations(widget);
  });
});

describe.each<[string, OpenOptions]>([
  ['light', { viewport: DESKTOP, colorScheme: 'light' }],
  ['dark', { viewport: DESKTOP, colorScheme: 'dark' }],
  ['200% zoom', { viewport: ZOOM_200, deviceScaleFactor: 2 }],
  ['200% zoom, dark', { viewport: ZOOM_200, deviceScaleFactor: 2, colorScheme: 'dark' }],
  ['a phone held sideways', { viewport: LANDSCAPE, phone: true }],
  ['a phone, dark', { viewport: PHONE, phone: true, colorScheme: 'dark' }],
  ['a 32px default text size', { viewport: DESKTOP, defaultFontSize: 32 }],
])('the widget in %s, with reduced motion, checked by axe-core', (_, options) => {
  // Checked at rest, where motion changes nothing: with reduced motion no step waits for an
  // animation or the typing delay. The tests above check the widget with motion.
  it('has no violations with replies, the help card, the clear question, an open disclaimer and a question too long', async () => {
    const widget = await harness.open('/', { ...options, reducedMotion: true });
    await withReplies(widget);
    await expectNoViolations(widget);

    await widget.help.click();
    await widget.helpCard.waitFor({ state: 'visible' });
    await widget.page.locator('[data-testid=kap-disclaimer] summary').click();
    await widget.input.fill('a'.repeat(520));
    await expectNoViolations(widget);

    await widget.page.locator('[data-testid=kap-clear]').click();
    await widget.page.locator('[data-testid=kap-clear-confirm]').waitFor({ state: 'visible' });
    await expectNoViolations(widget);
  });
});
