/**
 * The panel in every state a visitor can bring it to (open, answers, the help card, crisis, the
 * disclaimer open, a question too long, the clear question) on every screen and visitor setting,
 * in Chromium on the built bundle. Screenshots of every state go to artifacts/screenshots/.
 *
 * Every state is measured at rest, so the walk runs with the visitor setting for reduced motion:
 * no step waits for an animation or the typing delay before a reply, and the layout at rest is the
 * same. The widget with motion is walked through in panel.test.ts, widget.test.ts and a11y.test.ts.
 *
 * The walk is long, so the screens are shared out over two files that run side by side:
 * panelStates.floating.test.ts (the floating panel) and panelStates.fullScreen.test.ts (full
 * screen). The other panel tests are in panel.test.ts.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_QUESTION_LENGTH } from '../../widget/ui/Composer';
import { DESKTOP, describeProblems, LANDSCAPE, PHONE, QUESTIONS, useHarness, ZOOM_200, type OpenOptions, type WidgetPage } from './harness';
import { expectRoomForMessages } from './panelLayout';

const expectNoProblems = (widget: WidgetPage) => expect(describeProblems(widget.problems), 'problems on the page').toBe('');

export interface PanelSetup {
  /** Names the screenshots: `<name>-<n>-<state>.png`. */
  name: string;
  options: OpenOptions;
  /** Whether the panel takes the whole screen there (else it floats in a corner). */
  fullScreen: boolean;
}

/** The screens and settings where the panel floats in a corner. */
export const FLOATING: PanelSetup[] = [
  { name: 'desktop', options: { viewport: DESKTOP }, fullScreen: false },
  { name: 'desktop-1080p', options: { viewport: { width: 1920, height: 1080 } }, fullScreen: false },
  { name: 'dark', options: { viewport: DESKTOP, colorScheme: 'dark' }, fullScreen: false },
];

/** The screens and settings where the panel takes the whole screen. */
export const FULL_SCREEN: PanelSetup[] = [
  { name: 'phone', options: { viewport: PHONE, phone: true }, fullScreen: true },
  { name: 'landscape', options: { viewport: LANDSCAPE, phone: true }, fullScreen: true },
  { name: 'zoom-200', options: { viewport: ZOOM_200, deviceScaleFactor: 2 }, fullScreen: true },
  { name: 'dark-phone', options: { viewport: PHONE, phone: true, colorScheme: 'dark' }, fullScreen: true },
  { name: 'font-32', options: { viewport: DESKTOP, defaultFontSize: 32 }, fullScreen: true },
];

/** Registers the walk through every state on each of `setups`, with the file's harness. Call it at the top of a test file. */
export function describePanelStates(title: string, setups: PanelSetup[]): void {
  const harness = useHarness();

  describe(title, () => {
    describe.each(setups)('on $name', ({ name, options, fullScreen }) => {
      it('keeps half the viewport for the messages in every state, and is saved as screenshots', async () => {
        const widget = await harness.open('/', { ...options, reducedMotion: true });
        const shot = async (state: string) => expect(existsSync(await widget.screenshot(`${name}-${state}.png`))).toBe(true);
        await shot('1-closed');

        await widget.openPanel();
        const open = await expectRoomForMessages(widget, 'open');
        expect(open.layout).toBe(fullScreen ? 'full-screen' : 'floating');
        await shot('2-open');

        await widget.ask(QUESTIONS.answer);
        await widget.ask(QUESTIONS.eligibility);
        await expectRoomForMessages(widget, 'answers');
        await shot('3-answers');

        await widget.help.click();
        await widget.helpCard.waitFor({ state: 'visible' });
        await expectRoomForMessages(widget, 'help card');
        await shot('4-help-card');
        await widget.help.click();

        await widget.ask(QUESTIONS.crisis);
        await widget.crisis.waitFor({ state: 'visible' });
        await expectRoomForMessages(widget, 'crisis');
        // The card can be read: its first number is on screen, inside the message area.
        expect(await widget.crisis.locator('a').first().isVisible()).toBe(true);
        await shot('5-crisis');

        const disclaimer = widget.page.locator('[data-testid=kap-disclaimer] summary');
        await disclaimer.click();
        await expectRoomForMessages(widget, 'disclaimer open');
        await shot('6-disclaimer-open');
        await disclaimer.click();

        await widget.input.fill('a'.repeat(MAX_QUESTION_LENGTH + 20));
        // The field and its over-limit message give way to the messages, floating or full screen.
        await expectRoomForMessages(widget, 'long question');
        await shot('7-question-too-long');
        await widget.input.fill('');

        await widget.page.locator('[data-testid=kap-clear]').click();
        await widget.page.locator('[data-testid=kap-clear-confirm]').waitFor({ state: 'visible' });
        await expectRoomForMessages(widget, 'clear question');
        await shot('8-clear-question');
        await widget.page.locator('[data-testid=kap-clear-no]').click();
        expectNoProblems(widget);
      });
    });
  });
}
