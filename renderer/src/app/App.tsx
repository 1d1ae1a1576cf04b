import { I18nextProvider } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router';
import { routePatterns } from '../../../shared/routes/deepLinks.js';
import { i18n } from '../i18n/i18n.js';
import { ParticipantView } from '../participant/ParticipantView.js';
import { printRoutePattern } from '../event/routes.js';
import { EventView } from '../event/EventView.js';
import { PrintView } from '../event/PrintView.js';
import { EventsView } from '../events/EventsView.js';
import { NotFoundView } from './NotFoundView.js';
import { PadView } from '../pad/PadView.js';
import { SettingsView } from '../settings/SettingsView.js';
import { SketchPresentView } from '../sketch/SketchPresentView.js';
import { SketchView } from '../sketch/SketchView.js';
import { WallView } from '../wall/WallView.js';
import { AppLayout } from './AppLayout.js';
import { DesktopBridge } from './DesktopBridge.js';

/** The whole UI: the same routes in the desktop window and in any browser. */
export function App() {
  return (
    <I18nextProvider i18n={i18n}>
      <BrowserRouter>
        <DesktopBridge />
        <Routes>
          {/* The wall is projected: no header, no navigation. */}
          <Route path={routePatterns.wall} element={<WallView />} />
          {/* A participant's landing page on a phone: no site navigation. */}
          <Route path={routePatterns.eventNow} element={<ParticipantView />} />
          {/* A sketchnote on the projector: the canvas alone. */}
          <Route path={routePatterns.sketchPresent} element={<SketchPresentView />} />
          {/* A sketchnote: the canvas fills the window, under a slim title bar of its own. */}
          <Route path={routePatterns.sketch} element={<SketchView />} />
          {/* The printable plan: paper, not screen chrome. */}
          <Route path={printRoutePattern} element={<PrintView />} />
          <Route element={<AppLayout />}>
            <Route path={routePatterns.events} element={<EventsView />} />
            <Route path={routePatterns.event} element={<EventView />} />
            <Route path={routePatterns.pad} element={<PadView />} />
            <Route path={routePatterns.settings} element={<SettingsView />} />
            <Route path="*" element={<NotFoundView />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </I18nextProvider>
  );
}
