/**
 * The message area keeps at least half of the viewport's height (WCAG 1.4.10 reflow) on every
 * screen and setting, in every state of the panel, up to the fullest: a crisis card, the
 * disclaimer open and a five-line or over-limit question at once. The question field stays on
 * screen and at least one line tall all the while. Screens and states: test/browser/panelRoom.ts,
 * whose figures `npx tsx scripts/panel-room.ts` prints. Screenshots of the fullest states go to
 * artifacts/screenshots/room-*.png (panel.test.ts saves the others).
 */
import { describe, expect, it } from 'vitest';
import { describeProblems, useHarness } from './harness';
import { ROOM_LAYOUTS, walkStates } from './panelRoom';

const harness = useHarness();

/** The floating panel stays in the corner where the screen has room for it; elsewhere it fills the screen. */
const FLOATING = new Set(['1280x800 laptop']);

describe('the message area', () => {
  describe.each(ROOM_LAYOUTS)('on a $name', (layout) => {
    it('keeps half the viewport in every state, with the question field on screen', async () => {
      const fontSize = layout.defaultFontSize ?? 16;
      const widget = await harness.open('/', {
        viewport: layout.viewport,
        phone: layout.phone,
        deviceScaleFactor: layout.deviceScaleFactor,
        defaultFontSize: layout.defaultFontSize,
      });
      const slug = layout.name.replace(/\W+/g, '-');
      let step = 0;

      const rows = await walkStates(widget.page, async (state) => {
        step += 1;
        if (state.screenshot) await widget.screenshot(`room-${slug}-${step}-${state.name.replace(/\W+/g, '-').replace(/^-|-$/g, '')}.png`);
      });

      // Every state in one table, so a failure names all the states that lack room at once.
      const table = rows.map(({ state, room }) => ({
        state,
        layout: room.layout,
        // The share, shown in a failure; the check is exact, not rounded.
        share: `${(room.share * 100).toFixed(2)}%`,
        halfOrMore: room.messages >= room.viewportHeight / 2,
        composerOnScreen: room.composerOnScreen,
        fitsWidth: room.fitsWidth,
        fieldOneLine: room.fieldHeight >= 2.5 * fontSize,
      }));
      const expected = rows.map(({ state }, i) => ({
        state,
        layout: FLOATING.has(layout.name) ? 'floating' : 'full-screen',
        share: table[i]!.share,
        halfOrMore: true,
        composerOnScreen: true,
        fitsWidth: true,
        fieldOneLine: true,
      }));
      expect(table).toEqual(expected);
      expect(describeProblems(widget.problems), 'problems on the page').toBe('');
    });
  });
});
