/** The floating panel in every state, with screenshots: see ./panelStates.ts. */
import { describePanelStates, FLOATING } from './panelStates';

describePanelStates('the floating panel in every state', FLOATING);
