/** The full-screen panel in every state, with screenshots: see ./panelStates.ts. */
import { describePanelStates, FULL_SCREEN } from './panelStates';

describePanelStates('the full-screen panel in every state', FULL_SCREEN);
