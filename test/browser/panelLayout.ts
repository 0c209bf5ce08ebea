/**
 * Where the panel and its message area are, for the panel tests (panel.test.ts, panelStates.test.ts).
 */
import { expect } from 'vitest';
import type { WidgetPage } from './harness';

export interface Layout {
  viewportHeight: number;
  viewportWidth: number;
  /** The scrolling message area. */
  messages: number;
  header: number;
  panel: { x: number; y: number; width: number; height: number };
  layout: string | null;
}

/** Where the panel and its message area are, in CSS pixels. */
export const layoutOf = (widget: WidgetPage): Promise<Layout> =>
  widget.page.evaluate(async () => {
    const root = document.querySelector('kap-chat-widget')!.shadowRoot!;
    // Measured where the panel comes to rest, not halfway through its opening animation.
    await Promise.all(root.querySelector('.k-panel')!.getAnimations().map((a) => a.finished));
    const box = (selector: string) => root.querySelector(selector)!.getBoundingClientRect();
    const panel = box('.k-panel');
    return {
      viewportHeight: innerHeight,
      viewportWidth: innerWidth,
      messages: box('[data-testid=kap-scroll]').height,
      header: box('.k-head').height,
      panel: { x: panel.x, y: panel.y, width: panel.width, height: panel.height },
      layout: root.querySelector('[data-testid=kap-panel]')!.getAttribute('data-layout'),
    };
  });

/** The message area keeps `share` of the viewport's height (default half), and the panel stays on screen. */
export async function expectRoomForMessages(widget: WidgetPage, state: string, share = 0.5) {
  const layout = await layoutOf(widget);
  expect(layout.messages, `message area in state "${state}" (viewport ${layout.viewportWidth}x${layout.viewportHeight})`).toBeGreaterThanOrEqual(layout.viewportHeight * share);
  expect(layout.panel.x).toBeGreaterThanOrEqual(0);
  expect(layout.panel.y).toBeGreaterThanOrEqual(0);
  expect(layout.panel.x + layout.panel.width).toBeLessThanOrEqual(layout.viewportWidth + 0.5);
  expect(layout.panel.y + layout.panel.height).toBeLessThanOrEqual(layout.viewportHeight + 0.5);
  return layout;
}
