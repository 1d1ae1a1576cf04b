import { eventDetailSchema } from '../../../shared/api/eventContract.js';
import type { RunningCore } from '../../../server/core/coreTypes.js';
import { startLoopbackCore } from '../../helpers/loopbackCore.js';
import { makeTempDir } from '../../helpers/tempDir.js';

/** A plan with two sessions, as an organiser's CSV. */
export const PLAN_CSV = [
  'title,host,room,start,end,votes,tags,description',
  '"Barrierefreiheit im Web","Leyla Yılmaz;Moritz Weiß","Raum A","2025-06-14T14:00","2025-06-14T14:45",,,',
  '"Kubernetes für Verwaltungen","Jonas Becker","Raum B","2025-06-14T15:00","2025-06-14T15:45",,,',
].join('\n');

/** A core on a throwaway workspace with one event and its sessions. */
export interface PadTestCore {
  core: RunningCore;
  dataDir: string;
  eventId: string;
  /** Session ids by title. */
  sessions: Record<string, string>;
  api(path: string, init?: RequestInit): Promise<Response>;
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startPadTestCore(): Promise<PadTestCore> {
  const temp = makeTempDir('mitschrift-pad-');
  const start = () => startLoopbackCore(temp.dir);
  const state = { core: await start() };
  const api = (path: string, init: RequestInit = {}): Promise<Response> =>
    fetch(`${state.core.origin}${path}`, {
      ...init,
      headers: {
        Authorization: `Bearer ${state.core.token}`,
        ...(init.headers as Record<string, string> | undefined),
      },
    });
  const created = await api(`/api/events/import-plan?title=${encodeURIComponent('BarCamp Verwaltung')}`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
    body: PLAN_CSV,
  });
  if (created.status !== 201) {
    throw new Error(`Creating the event failed: ${created.status} ${await created.text()}`);
  }
  const { event } = (await created.json()) as { event: { id: string } };
  const detail = eventDetailSchema.parse(await (await api(`/api/events/${event.id}`)).json());
  const sessions = Object.fromEntries(detail.sessions.map((s) => [s.title, s.id]));
  return {
    get core() {
      return state.core;
    },
    dataDir: temp.dir,
    eventId: event.id,
    sessions,
    api,
    async restart() {
      await state.core.close();
      state.core = await start();
    },
    async close() {
      await state.core.close();
      temp.cleanup();
    },
  };
}
