/**
 * The "Need help now?" control and the crisis card in Chromium, on the built bundle: one activation
 * (mouse or keyboard) shows tappable numbers for the configured country, on the ordinary and the
 * strict-CSP page, with no axe violation; a medical emergency reply puts 911 before anything else.
 */
import { describe, expect, it } from 'vitest';
import { defaultKnowledge } from '../../widget/core';
import { createReplyBuilder } from '../../widget/core/conversation/replies';
import { saveSession, STORAGE_KEY, type SavedSession } from '../../widget/embed/sessionStore';
import { STRICT_CSP } from '../../scripts/demoServer';
import { describeProblems, PHONE, runAxe, useHarness, waitUntil, type OpenOptions, type WidgetPage } from './harness';

const harness = useHarness();

const expectNoProblems = (widget: WidgetPage) => expect(describeProblems(widget.problems), 'problems on the page').toBe('');
const hrefs = (widget: WidgetPage) => widget.helpCard.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));

/** The session a visitor would have after a crisis reply of this kind, stored as the widget stores it. */
function storedSession(session: SavedSession): string {
  const store = new Map<string, string>();
  saveSession({ setItem: (key: string, value: string) => store.set(key, value) } as unknown as Storage, session);
  return store.get(STORAGE_KEY)!;
}

/** Opens `path` as a visitor who just got a medical emergency reply on another page of the site. */
function afterMedicalReply(): OpenOptions {
  const reply = createReplyBuilder(defaultKnowledge).crisis(undefined, 'medical');
  const raw = storedSession({ open: true, messages: [{ role: 'visitor', text: 'please help' }, { role: 'assistant', reply }] });
  return {
    async beforeLoad(page) {
      await page.addInitScript(([key, value]) => sessionStorage.setItem(key!, value!), [STORAGE_KEY, raw]);
    },
  };
}

describe('the "Need help now?" control', () => {
  it('is visible in the header as soon as the panel opens', async () => {
    const widget = await harness.open('/');

    await widget.openPanel();

    expect(await widget.help.isVisible()).toBe(true);
    expect(await widget.help.textContent()).toBe(defaultKnowledge.ui.helpButton);
    expect(await widget.help.evaluate((el) => el.closest('header') !== null)).toBe(true);
    const box = (await widget.help.boundingBox())!;
    const panel = (await widget.panel.boundingBox())!;
    expect(box.y - panel.y, 'near the top of the panel').toBeLessThan(120);
    expect(box.height).toBeGreaterThanOrEqual(24);
  });

  it('shows tappable tel: links for the US in one click, without typing', async () => {
    const widget = await harness.open('/');
    await widget.openPanel();

    await widget.help.click();

    await widget.helpCard.waitFor({ state: 'visible' });
    expect(await hrefs(widget)).toEqual(['tel:988', 'sms:988', 'tel:911', 'tel:988']);
    expect(await widget.helpCard.locator('a').first().isVisible()).toBe(true);
    expect(await widget.help.getAttribute('aria-expanded')).toBe('true');
    expect(await widget.page.locator('[role=alert]').count(), 'announced once').toBe(1);
    expectNoProblems(widget);
  });

  it('works by keyboard alone: Enter shows the card, Tab reaches its first number', async () => {
    const widget = await harness.open('/');
    const { page } = widget;
    await widget.openPanel();

    await waitUntil(async () => {
      await page.keyboard.press('Shift+Tab');
      return (await widget.focusedTestId()) === 'kap-help';
    }, 'Shift+Tab to reach the control');
    await page.keyboard.press('Enter');
    await widget.helpCard.waitFor({ state: 'visible' });
    await page.keyboard.press('Tab');

    expect(await widget.focusedTestId()).toBe('kap-help-card');
    const focusedHref = await page.evaluate(() => document.querySelector('kap-chat-widget')!.shadowRoot!.activeElement!.getAttribute('href'));
    expect(focusedHref).toBe('tel:988');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Space');
    await widget.helpCard.waitFor({ state: 'detached' });
  });

  it('shows 999 first among the emergency lines with data-country="GB"', async () => {
    const widget = await harness.open('/', { scriptData: { country: 'GB' } });
    await widget.openPanel();

    await widget.help.click();

    await widget.helpCard.waitFor({ state: 'visible' });
    expect(await hrefs(widget)).toEqual(['tel:116123', 'sms:85258', 'tel:111', 'tel:999']);
    expect(await widget.page.locator('.k-disc').textContent()).toContain('999');
    expectNoProblems(widget);
  });

  it('warns once about a country the knowledge does not have, and keeps the default', async () => {
    const widget = await harness.open('/', { scriptData: { country: 'XX' } });
    await widget.openPanel();

    await widget.help.click();

    expect(await hrefs(widget)).toContain('tel:911');
    expect(widget.problems.console).toEqual([
      `warning: KapChat: data-country="XX" is not a country of the knowledge (US, CA, GB, AU, EU); using the knowledge's default, US. Fix the attribute on the script tag.`,
    ]);
  });

  it('works on the strict-CSP page, with no violation', async () => {
    const widget = await harness.open('/csp/', { scriptData: { country: 'GB' } });
    await widget.openPanel();

    await widget.help.click();

    await widget.helpCard.waitFor({ state: 'visible' });
    expect(await hrefs(widget)).toContain('tel:999');
    const button = await widget.helpCard.locator('a').first().evaluate((el) => {
      const style = getComputedStyle(el);
      return { background: style.backgroundColor, color: style.color };
    });
    expect(button, 'styled by the adopted stylesheet').toEqual({ background: 'rgb(180, 35, 24)', color: 'rgb(255, 255, 255)' });
    expect(widget.headers['content-security-policy']).toBe(STRICT_CSP);
    expect(widget.problems.cspViolations).toEqual([]);
    expect(await widget.page.locator('#csp-status').textContent()).toBe('None recorded.');
    expectNoProblems(widget);
  });

  it('has no axe violations with the card open, on a desktop and on a phone', async () => {
    for (const options of [{}, { viewport: PHONE, phone: true }]) {
      const widget = await harness.open('/', options);
      await widget.openPanel();
      await widget.help.click();
      await widget.helpCard.waitFor({ state: 'visible' });

      const report = await runAxe(widget.page);

      expect(report.violations.join('\n\n'), 'axe-core violations in the widget').toBe('');
      expect(report.shadowNodesChecked).toBeGreaterThan(0);
    }
  });
});

describe('a medical emergency reply', () => {
  // One page for both: the reply as it shows, then what the control shows after it.
  it('shows 911 before anything else, in the card, on screen and in the words; the control shows it afterwards, 911 first', async () => {
    const widget = await harness.open('/', afterMedicalReply());
    const reply = widget.assistantMessages.last();
    await reply.locator('[data-testid=kap-crisis]').waitFor({ state: 'visible' });

    expect(await reply.getAttribute('data-kind')).toBe('medical');
    const layout = await reply.evaluate((el) => {
      const links = [...el.querySelectorAll('a')];
      const words = [...el.children].find((c) => c.tagName === 'P' && !c.classList.contains('k-sr'))!;
      return {
        hrefs: links.map((a) => a.getAttribute('href')),
        firstLinkTop: links[0]!.getBoundingClientRect().top,
        othersTop: Math.min(...links.slice(1).map((a) => a.getBoundingClientRect().top), words.getBoundingClientRect().top),
        firstNumber: /\d[\d-]*\d/.exec(words.textContent ?? '')?.[0],
      };
    });
    expect(layout.hrefs).toEqual(['tel:911', 'tel:18002221222']);
    expect(layout.firstLinkTop).toBeLessThan(layout.othersTop);
    expect(layout.firstNumber).toBe('911');

    await widget.help.waitFor({ state: 'visible' });
    await widget.help.click();

    expect(await hrefs(widget)).toEqual(['tel:911', 'tel:18002221222']);
    expectNoProblems(widget);
  });
});
