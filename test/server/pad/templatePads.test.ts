import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  applyTemplateResponseSchema,
  eventPadTemplateSchema,
  revisionListSchema,
} from '../../../shared/api/padContract.js';
import { readPadContent } from '../../../shared/pad/padContent.js';
import { plainText } from '../../../shared/pad/padJson.js';
import { connectSyncClient, waitFor, type SyncClient } from '../../helpers/syncClient.js';
import { startPadTestCore, type PadTestCore } from './padTestCore.js';

let t: PadTestCore;
const clients: SyncClient[] = [];
beforeEach(async () => {
  t = await startPadTestCore();
});
afterEach(async () => {
  for (const c of clients.splice(0)) {
    c.destroy();
  }
  await t.close();
});

const text = (doc: Y.Doc): string => plainText(readPadContent(doc));

function connect(session: string): SyncClient {
  const client = connectSyncClient(t.core.origin, t.core.token, `pad/${session}`, new Y.Doc());
  clients.push(client);
  return client;
}

async function template() {
  return eventPadTemplateSchema.parse(await (await t.api(`/api/events/${t.eventId}/pad-template`)).json());
}

describe('the event’s pad template and the pads it affects', () => {
  it('counts waiting, untouched and written pads, and applies a new template to the untouched ones only', async () => {
    expect((await template()).pads).toEqual({ waiting: 2, untouched: 0, written: 0 });

    const untouchedId = t.sessions['Barrierefreiheit im Web']!;
    const writtenId = t.sessions['Kubernetes für Verwaltungen']!;
    const idle = connect(untouchedId);
    const writer = connect(writtenId);
    await Promise.all([idle.synced, writer.synced]);
    await waitFor(
      () => text(idle.doc).includes('Offene Fragen') && text(writer.doc).includes('Offene Fragen'),
    );
    const para = new Y.XmlElement('paragraph');
    const line = new Y.XmlText();
    line.insert(0, 'Wichtige Notiz', { author: { id: 'uAda' } });
    para.insert(0, [line]);
    writer.doc.getXmlFragment('content').push([para]);
    for (let i = 0; i < 50 && (await template()).pads.written !== 1; i += 1) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect((await template()).pads).toEqual({ waiting: 0, untouched: 1, written: 1 });

    const put = await t.api(`/api/pads/${writtenId}/template`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ template: '# Protokoll {{title}}\n\n## Beschlüsse' }),
    });
    expect(put.status).toBe(200);
    const applied = applyTemplateResponseSchema.parse(
      await (await t.api(`/api/events/${t.eventId}/pad-template/apply`, { method: 'POST' })).json(),
    );
    expect(applied).toEqual({ applied: 1, pads: { waiting: 0, untouched: 1, written: 1 } });
    // The open editor of the untouched pad sees the new template live; the written pad keeps its notes.
    await waitFor(() => text(idle.doc).startsWith('Protokoll Barrierefreiheit im Web'));
    expect(text(idle.doc)).toContain('Beschlüsse');
    expect(text(idle.doc)).not.toContain('Offene Fragen');
    expect(text(writer.doc)).toContain('Wichtige Notiz');
    expect(text(writer.doc)).toContain('Offene Fragen');
    // The old template stays in the history.
    const list = revisionListSchema.parse(await (await t.api(`/api/pads/${untouchedId}/revisions`)).json());
    expect(list.revisions.map((r) => r.source)).toEqual(['template', 'template']);
  });

  it('answers 404 for an unknown event', async () => {
    expect((await t.api('/api/events/nope/pad-template')).status).toBe(404);
    expect((await t.api('/api/events/nope/pad-template/apply', { method: 'POST' })).status).toBe(404);
  });
});
