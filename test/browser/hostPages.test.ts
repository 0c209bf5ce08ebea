/**
 * The widget on host pages that fight it: aggressive global CSS and a cookie banner at the maximum
 * z-index (/hostile.html), and a strict Content-Security-Policy (/csp/). It must look and work as
 * on any page, and log nothing.
 */
import { describe, expect, it } from 'vitest';
import { STRICT_CSP } from '../../scripts/demoServer';
import { describeProblems, QUESTIONS, useHarness } from './harness';

const harness = useHarness();

/** The demo pages' data-accent, #2f6f5e, as computed styles report it. */
const ACCENT = 'rgb(47, 111, 94)';

describe.each([
  { path: '/hostile.html', screenshot: 'hostile.png' },
  { path: '/csp/', screenshot: 'csp.png' },
])('the widget on $path', ({ path, screenshot }) => {
  // One visit for the three: the launcher closed, the panel it opens, then questions in it.
  it('shows a launcher in the accent colour that nothing covers; opens a panel inside the viewport, with a 16px question field in the widget font; answers questions and logs nothing', async () => {
    const widget = await harness.open(path);

    const launcher = (await widget.launcher.boundingBox())!;
    const hit = await widget.page.evaluate(
      ({ x, y }) => {
        const host = document.querySelector('kap-chat-widget')!;
        const top = document.elementFromPoint(x, y);
        const inside = host.shadowRoot!.elementFromPoint(x, y);
        return { hostOnTop: top === host, launcher: inside?.closest('[data-testid]')?.getAttribute('data-testid') ?? null };
      },
      { x: launcher.x + launcher.width / 2, y: launcher.y + launcher.height / 2 },
    );
    expect(hit).toEqual({ hostOnTop: true, launcher: 'kap-launcher' });
    expect(launcher.width).toBeGreaterThanOrEqual(44);
    expect(await widget.launcher.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(ACCENT);
    expect(await widget.launcher.locator('svg').isVisible(), 'the launcher icon').toBe(true);

    await widget.openPanel();

    const box = (await widget.panel.boundingBox())!;
    const viewport = widget.page.viewportSize()!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
    const field = await widget.input.evaluate((el) => {
      const style = getComputedStyle(el);
      return { fontSize: style.fontSize, fontFamily: style.fontFamily, height: el.getBoundingClientRect().height };
    });
    expect(field.fontSize).toBe('16px');
    expect(field.fontFamily).not.toMatch(/comic/i);
    expect(field.height).toBeGreaterThanOrEqual(44);

    await widget.ask(QUESTIONS.answer);
    const eligibility = await widget.ask(QUESTIONS.eligibility);

    expect(await eligibility.getAttribute('data-route')).toBe('eligibility');
    await widget.booking.last().waitFor({ state: 'visible' });
    await widget.screenshot(screenshot);
    expect(describeProblems(widget.problems), 'problems on the page').toBe('');
  });
});

describe('the strict-CSP page', () => {
  it('is served with the strict policy and records no violation while the widget works', async () => {
    const widget = await harness.open('/csp/');
    await widget.openPanel();

    await widget.ask(QUESTIONS.crisis);
    await widget.crisis.waitFor({ state: 'visible' });

    expect(widget.headers['content-security-policy']).toBe(STRICT_CSP);
    expect(widget.problems.cspViolations).toEqual([]);
    // The page's own recorder (/csp/csp.js) agrees.
    expect(await widget.page.locator('#csp-status').textContent()).toBe('None recorded.');
  });
});
