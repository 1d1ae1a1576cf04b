import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { menuCommandSchema } from '../../../shared/ipc/contract.js';
import { routePatterns } from '../../../shared/routes/deepLinks.js';
import { currentLanguage } from '../i18n/i18n.js';
import { syncMenuLanguage } from '../i18n/switchLanguage.js';
import { getDesktop } from '../platform/desktop.js';
import { newEventFocusRequest } from './focusRequest.js';

/** Connects the desktop app's native menu to the router; renders nothing and does nothing in a browser. */
export function DesktopBridge() {
  const navigate = useNavigate();
  useEffect(() => {
    const desktop = getDesktop();
    if (!desktop) {
      return;
    }
    // The menu starts in the app's default language; match the choice remembered on this device.
    syncMenuLanguage(currentLanguage());
    return desktop.onMenuCommand((raw) => {
      const command = menuCommandSchema.safeParse(raw);
      if (!command.success) {
        console.warn('Ignoring an unknown menu command.', raw);
        return;
      }
      switch (command.data) {
        case 'new-event':
          void navigate(routePatterns.events, { state: newEventFocusRequest() });
          break;
        case 'open-events':
          void navigate(routePatterns.events);
          break;
        case 'open-settings':
          void navigate(routePatterns.settings);
          break;
      }
    });
  }, [navigate]);
  return null;
}
