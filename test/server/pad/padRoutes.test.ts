import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import {
  importResponseSchema,
  padInfoSchema,
  padTemplateResponseSchema,
  restoreResponseSchema,
  revisionContentSchema,
  revisionListSchema,
  savedRevisionSchema,
  sessionInfoSchema,
  shareLinksSchema,
} from '../../../shared/api/padContract.js';
import { apiErrorSchema } from '../../../shared/api/contract.js';
import { eventTokenListSchema } from '../../../shared/api/eventTokenContract.js';
import { atextToTxt, checkEtherpadFile, parseEtherpadFile } from '../../../shared/pad/etherpad/index.js';
import { readPadContent } from '../../../shared/pad/padContent.js';
import { plainText } from '../../../shared/pad/padJson.js';
import { readAuthors } from '../../../shared/pad/padLayout.js';
import { connectSyncClient, waitFor, type SyncClient } from '../../helpers/syncClient.js';
import { startPadTestCore, type PadTestCore } from './padTestCore.js';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/etherpad');
const fixture = (name: string): Uint8Array<ArrayBuffer> =>
  new Uint8Array(readFileSync(resolve(FIXTURES, name)));
const fixtureText = (name: string): string => readFileSync(resolve(FIXTURES, name), 'utf8');

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

function connect(session: string, token = t.core.token): SyncClient {
  const client = connectSyncClient(t.core.origin, token, `pad/${session}`, new Y.Doc());
  clients.push(client);
  return client;
}

const text = (doc: Y.Doc): string => plainText(readPadContent(doc));
const json = async <T>(res: Response, schema: { parse(v: unknown): T }): Promise<T> =>
  schema.parse(await res.json());

describe('pads: template, once', () => {
  it('fills a new session pad from the plan exactly once, even when two people open it at the same moment', async () => {
    const id = t.sessions['Barrierefreiheit im Web']!;
    const a = connect(id);
    const b = connect(id);
    await Promise.all([a.synced, b.synced]);
    await waitFor(() => text(a.doc).includes('Offene Fragen') && text(b.doc) === text(a.doc));
    const content = text(a.doc);
    expect(content.match(/Barrierefreiheit im Web/g)).toHaveLength(1);
    expect(content).toContain('Leyla Yılmaz, Moritz Weiß');
    expect(content).toContain('Raum A');
    expect(content).toContain('14.06.2025, 14:00–14:45');
    // Reopening (after the core unloads and reloads it) does not add it again.
    a.destroy();
    b.destroy();
    await t.restart();
    const c = connect(id);
    await c.synced;
    await waitFor(() => text(c.doc).length > 0);
    expect(text(c.doc)).toBe(content);

    const list = await json(await t.api(`/api/pads/${id}/revisions`), revisionListSchema);
    expect(list.revisions.map((r) => r.source)).toEqual(['template']);
    const info = await json(await t.api(`/api/pads/${id}`), padInfoSchema);
    expect(info.session).toMatchObject({
      eventId: t.eventId,
      title: 'Barrierefreiheit im Web',
      room: 'Raum A',
      start: '2025-06-14T14:00',
    });
  });

  it('uses the event’s own template once it is edited, and leaves pads of unknown sessions empty', async () => {
    const kube = t.sessions['Kubernetes für Verwaltungen']!;
    const put = await t.api(`/api/pads/${kube}/template`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ template: '## Protokoll: {{title}}\n\nLeitung: {{hosts}}' }),
    });
    expect(await json(put, padTemplateResponseSchema)).toMatchObject({
      eventId: t.eventId,
      isDefault: false,
    });
    const client = connect(kube);
    await client.synced;
    await waitFor(() => text(client.doc).includes('Leitung'));
    expect(text(client.doc)).toBe('Protokoll: Kubernetes für Verwaltungen\nLeitung: Jonas Becker');

    const other = connect('no-such-session');
    await other.synced;
    other.doc.getText('probe');
    expect(text(other.doc)).toBe('');
    expect((await t.api('/api/pads/no-such-session/template')).status).toBe(404);
  });
});

describe('pads: history', () => {
  it('records revisions, shows old content, restores as a new revision live, names revisions', async () => {
    const id = t.sessions['Barrierefreiheit im Web']!;
    const writer = connect(id);
    const watcher = connect(id);
    await Promise.all([writer.synced, watcher.synced]);
    await waitFor(() => text(writer.doc).includes('Links'));
    writer.provider.awareness.setLocalStateField('user', { id: 'uAda', name: 'Ada' });
    const fragment = writer.doc.getXmlFragment('content');
    const para = new Y.XmlElement('paragraph');
    const line = new Y.XmlText();
    line.insert(0, 'Erste Notiz', { author: { id: 'uAda' } });
    para.insert(0, [line]);
    await waitFor(() =>
      [...watcher.provider.awareness.getStates().values()].some((s) => s['user']?.id === 'uAda'),
    );
    fragment.push([para]);
    await waitFor(() => text(watcher.doc).includes('Erste Notiz'));

    // Listing records nothing; an editor opening the timeslider records the pending edit (POST).
    let list = await json(await t.api(`/api/pads/${id}/revisions`), revisionListSchema);
    expect(list.revisions.map((r) => r.source)).toEqual(['template']);
    list = await json(await t.api(`/api/pads/${id}/revisions`, { method: 'POST' }), revisionListSchema);
    expect(list.revisions.map((r) => r.source)).toEqual(['template', 'edit']);
    expect(list.revisions[1]!.authors.map((a) => a.id)).toEqual(['uAda']);

    const old = await json(await t.api(`/api/pads/${id}/revisions/0`), revisionContentSchema);
    expect(plainText(old.content)).not.toContain('Erste Notiz');
    const now = await json(await t.api(`/api/pads/${id}/revisions/1`), revisionContentSchema);
    expect(plainText(now.content)).toContain('Erste Notiz');
    expect(now.authorsInContent.map((a) => a.id)).toEqual(['uAda']);

    const restore = await t.api(`/api/pads/${id}/revisions/0/restore`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ author: { id: 'uBob', name: 'Bob' } }),
    });
    expect(restore.status).toBe(201);
    expect(await json(restore, restoreResponseSchema)).toEqual({ rev: 2, fromRev: 0 });
    await waitFor(
      () => !text(watcher.doc).includes('Erste Notiz'),
      5000,
      'the restore to reach a connected client',
    );
    expect(readAuthors(watcher.doc).get('uBob')?.name).toBe('Bob');

    list = await json(await t.api(`/api/pads/${id}/revisions`), revisionListSchema);
    expect(list.revisions.map((r) => [r.source, r.fromRev])).toEqual([
      ['template', undefined],
      ['edit', undefined],
      ['restore', 0],
    ]);
    expect(list.revisions[2]!.authors).toMatchObject([{ id: 'uBob', name: 'Bob' }]);
    // Nothing is lost: the edit is still revision 1.
    expect(
      plainText((await json(await t.api(`/api/pads/${id}/revisions/1`), revisionContentSchema)).content),
    ).toContain('Erste Notiz');

    const saved = await t.api(`/api/pads/${id}/saved-revisions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ rev: 1, label: 'Vor der Pause', author: { id: 'uBob', name: 'Bob' } }),
    });
    expect(await json(saved, savedRevisionSchema)).toMatchObject({
      rev: 1,
      label: 'Vor der Pause',
      by: { name: 'Bob' },
    });
    list = await json(await t.api(`/api/pads/${id}/revisions`), revisionListSchema);
    expect(list.saved.map((s) => s.label)).toEqual(['Vor der Pause']);

    expect((await t.api(`/api/pads/${id}/revisions/99`)).status).toBe(404);
    expect((await t.api('/api/pads/never-opened/revisions')).status).toBe(404);
    const badBody = await t.api(`/api/pads/${id}/saved-revisions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"rev":1,"label":"  "}',
    });
    expect(badBody.status).toBe(400);
    expect((await json(badBody, apiErrorSchema)).details).toEqual(['label: The label is empty.']);
  });
});

describe('pads: import and export', () => {
  it.each(['ogd-mehrautoren', 'ogd-formatierung', 'ogd-unicode-lang'])(
    '%s: imports with its history and exports the same text (.txt) and a valid .etherpad',
    async (name) => {
      const id = 'import-' + name.replace(/[^a-z]/g, '');
      const watcher = connect(id);
      await watcher.synced;
      const res = await t.api(`/api/pads/${id}/import?format=etherpad`, {
        method: 'POST',
        body: fixture(`${name}.etherpad`),
      });
      expect(res.status).toBe(201);
      const file = parseEtherpadFile(fixtureText(`${name}.etherpad`));
      expect(await json(res, importResponseSchema)).toMatchObject({
        format: 'etherpad',
        revisions: file.head + 1,
      });
      await waitFor(() => text(watcher.doc).length > 50, 5000, 'the import to reach a connected client');

      const txt = await (await t.api(`/api/pads/${id}/export?format=txt`)).text();
      expect(txt).toBe(fixtureText(`${name}.txt`));

      const list = await json(await t.api(`/api/pads/${id}/revisions`), revisionListSchema);
      expect(list.revisions).toHaveLength(file.head + 1);
      expect(list.revisions.map((r) => Date.parse(r.time))).toEqual(file.revisions.map((r) => r.timestamp));
      for (const r of list.revisions) {
        for (const author of r.authors) {
          expect(author.name).toBe(file.authors[author.id]?.name);
        }
      }

      const exportRes = await t.api(`/api/pads/${id}/export?format=etherpad`);
      expect(exportRes.headers.get('content-disposition')).toMatch(/attachment; filename=".+\.etherpad"/);
      const exported = await exportRes.text();
      expect(checkEtherpadFile(exported)).toEqual([]);
      const again = parseEtherpadFile(exported);
      expect(atextToTxt(again.atext, again.pool)).toBe(fixtureText(`${name}.txt`));
      expect(new Set(again.pool.authors())).toEqual(new Set(file.pool.authors()));
    },
  );

  it('exports HTML (with authorship colours on request) and Markdown', async () => {
    const id = t.sessions['Barrierefreiheit im Web']!;
    await t.api(`/api/pads/${id}/import?format=md&author=uAda&name=Ada`, {
      method: 'POST',
      body: '# Notizen\n\n- **wichtig**\n',
    });
    const html = await (await t.api(`/api/pads/${id}/export?format=html&colours=true`)).text();
    expect(html).toContain('<title>Barrierefreiheit im Web</title>');
    expect(html).toMatch(
      /<span class="author-uAda" style="background-color:#[0-9a-f]{6}"><strong>wichtig<\/strong><\/span>/,
    );
    expect(html).toContain('<h2>Autor:innen</h2>');
    const plain = await (await t.api(`/api/pads/${id}/export?format=html`)).text();
    expect(plain).not.toContain('author-uAda');
    expect(await (await t.api(`/api/pads/${id}/export?format=md`)).text()).toBe(
      '# Notizen\n\n- **wichtig**\n',
    );
    expect((await t.api(`/api/pads/${id}/export?format=pdf`)).status).toBe(400);
  });

  it.each([
    ['truncated.etherpad', /not valid JSON/],
    ['mismatched-padid.etherpad', /unexpected pad ID/],
    ['corrupt-changeset.etherpad', /revision 3/],
    ['atext-mismatch.etherpad', /does not match/],
    ['head-too-large.etherpad', /head is 9/],
    ['empty-object.etherpad', /no pad in this file/],
  ])('refuses malformed/%s with a clear error and leaves the pad as it was', async (name, message) => {
    const id = t.sessions['Barrierefreiheit im Web']!;
    const client = connect(id);
    await client.synced;
    await waitFor(() => text(client.doc).includes('Links'));
    const before = await (await t.api(`/api/pads/${id}/export?format=txt`)).text();
    const revisionsBefore = (await json(await t.api(`/api/pads/${id}/revisions`), revisionListSchema))
      .revisions.length;
    const res = await t.api(`/api/pads/${id}/import?format=etherpad`, {
      method: 'POST',
      body: fixture(`malformed/${name}`),
    });
    expect(res.status).toBe(422);
    const error = await json(res, apiErrorSchema);
    expect(error.error).toMatch(message);
    expect(error.error).toMatch(/Nothing was imported/);
    expect(await (await t.api(`/api/pads/${id}/export?format=txt`)).text()).toBe(before);
    expect((await json(await t.api(`/api/pads/${id}/revisions`), revisionListSchema)).revisions).toHaveLength(
      revisionsBefore,
    );
  });

  it('imports a page with scripts and handlers without them, and says what it removed', async () => {
    const id = 'saved-page';
    const page =
      '<html><head><script src="https://cdn.example/x.js"></script></head>' +
      '<body onload="go()"><p>Hallo <a href="javascript:fetch(\'/api/events\')">Welt</a></p>' +
      '<script>fetch("/api/events")</script><iframe src="https://video.example/"></iframe></body></html>';
    const res = await t.api(`/api/pads/${id}/import?format=html`, { method: 'POST', body: page });
    expect(res.status).toBe(201);
    const result = await json(res, importResponseSchema);
    expect(result.removed).toEqual({
      scripts: 2,
      styles: 0,
      eventHandlers: 1,
      unsafeLinks: 1,
      frames: 1,
      embeds: 0,
      externalReferences: 0,
    });
    const txt = await (await t.api(`/api/pads/${id}/export?format=txt`)).text();
    expect(txt).toBe('Hallo Welt\n');
    // Only HTML imports carry the report.
    const md = await t.api(`/api/pads/${id}/import?format=md`, { method: 'POST', body: '# x' });
    expect((await json(md, importResponseSchema)).removed).toBeUndefined();
  });

  it('refuses deep nesting, huge files and non-UTF-8 text, changing nothing', async () => {
    const id = 'bad-input';
    const cases: [BodyInit, string, number, RegExp][] = [
      ['<div>'.repeat(500) + 'x', 'html', 422, /nested more than 200/],
      ['<ul><li>'.repeat(60) + 'x', 'html', 422, /nested more than 48 levels/],
      [new Uint8Array([0x48, 0xe4, 0x6c, 0x6c, 0x6f]), 'txt', 422, /not UTF-8/],
      [new Uint8Array(21 * 1024 * 1024), 'txt', 413, /larger than 20 MB/],
    ];
    for (const [body, format, status, message] of cases) {
      const res = await t.api(`/api/pads/${id}/import?format=${format}`, { method: 'POST', body });
      expect(res.status, String(message)).toBe(status);
      expect((await json(res, apiErrorSchema)).error).toMatch(message);
    }
    const list = await t.api(`/api/pads/${id}/revisions`);
    expect((await json(list, revisionListSchema)).revisions).toEqual([]);
  });
});

describe('pads: read-only links', () => {
  function tryWebSocket(path: string): Promise<number | 'open'> {
    return new Promise((resolvePromise) => {
      const ws = new WebSocket(t.core.origin.replace('http', 'ws') + path);
      ws.on('open', () => {
        ws.close();
        resolvePromise('open');
      });
      ws.on('unexpected-response', (_req, res) => resolvePromise(res.statusCode ?? 0));
    });
  }

  it('lets a view token read a pad live, but its edits never reach others or the disk', async () => {
    const id = t.sessions['Barrierefreiheit im Web']!;
    const viewToken = t.core.viewToken!;
    expect(viewToken).not.toBe(t.core.token);
    const editor = connect(id);
    const viewer = connect(id, viewToken);
    await Promise.all([editor.synced, viewer.synced]);
    await waitFor(() => text(viewer.doc).includes('Links'));

    // The viewer follows live edits…
    const para = new Y.XmlElement('paragraph');
    para.insert(0, [new Y.XmlText('vom Editor')]);
    editor.doc.getXmlFragment('content').push([para]);
    await waitFor(() => text(viewer.doc).includes('vom Editor'));

    // …but what it writes (a buggy or malicious client) is dropped by the core.
    const evil = new Y.XmlElement('paragraph');
    evil.insert(0, [new Y.XmlText('vom Leser')]);
    viewer.doc.getXmlFragment('content').push([evil]);
    viewer.doc.getMap('authors').set('uEvil', { name: 'Evil', colour: '#ffffff' });
    await new Promise((r) => setTimeout(r, 300));
    const late = connect(id);
    await late.synced;
    expect(text(late.doc)).toContain('vom Editor');
    expect(text(late.doc)).not.toContain('vom Leser');
    expect(text(editor.doc)).not.toContain('vom Leser');
    // A reconnect re-sends the viewer's state (sync step 2): still dropped.
    viewer.provider.disconnect();
    viewer.provider.connect();
    await viewer.synced;
    await new Promise((r) => setTimeout(r, 300));
    editor.destroy();
    viewer.destroy();
    late.destroy();
    await t.restart();
    const fresh = connect(id);
    await fresh.synced;
    await waitFor(() => text(fresh.doc).includes('vom Editor'));
    expect(text(fresh.doc)).not.toContain('vom Leser');
    expect(readAuthors(fresh.doc).has('uEvil')).toBe(false);
  });

  it('keeps the view token to GET, and to pads', async () => {
    const id = t.sessions['Barrierefreiheit im Web']!;
    const view = t.core.viewToken!;
    const asViewer = (path: string, init: RequestInit = {}) =>
      fetch(`${t.core.origin}${path}`, { ...init, headers: { Authorization: `Bearer ${view}` } });
    expect(await json(await asViewer('/api/session'), sessionInfoSchema)).toEqual({
      access: 'view',
      role: 'view',
      eventId: null,
      label: null,
      tokenId: null,
      docs: {
        workspace: 'none',
        event: 'none',
        'event-people': 'none',
        'event-library': 'none',
        pad: 'read',
        sketch: 'none',
      },
    });
    expect(await json(await t.api('/api/session'), sessionInfoSchema)).toMatchObject({
      access: 'edit',
      role: 'owner',
    });
    // A read-only connection never creates a pad: it opens one once somebody has written it.
    expect(await tryWebSocket(`/yjs/pad/${id}?token=${view}`)).toBe(404);
    const client = connect(id);
    await client.synced;
    expect(await tryWebSocket(`/yjs/pad/${id}?token=${view}`)).toBe('open');
    expect(await tryWebSocket(`/yjs/workspace?token=${view}`)).toBe(403);
    expect(await tryWebSocket(`/yjs/event/${t.eventId}?token=${view}`)).toBe(403);
    expect((await asViewer(`/api/pads/${id}/export?format=txt`)).status).toBe(200);
    expect((await asViewer(`/api/pads/${id}/revisions`)).status).toBe(200);
    for (const [path, method] of [
      [`/api/pads/${id}/revisions/0/restore`, 'POST'],
      [`/api/pads/${id}/import?format=txt`, 'POST'],
      [`/api/pads/${id}/template`, 'PUT'],
      ['/api/events', 'POST'],
    ] as const) {
      const res = await asViewer(path, { method, body: '{}' });
      expect(res.status, `${method} ${path}`).toBe(403);
    }
    expect((await asViewer(`/api/pads/${id}/share`)).status).toBe(403);
    // The link trades the view token for the cookie like the full one.
    const trade = await fetch(`${t.core.origin}/pad/${id}?token=${view}`, { redirect: 'manual' });
    expect(trade.status).toBe(303);
    // …into its own cookie, which holds a value derived from the token, never the token itself.
    const cookie = trade.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^mitschrift_\d+_view=/);
    expect(cookie).not.toContain(view);
  });

  it('hands out the event’s edit and view links (never the owner token) for the address the person used', async () => {
    const id = t.sessions['Barrierefreiheit im Web']!;
    const links = await json(await t.api(`/api/pads/${id}/share`), shareLinksSchema);
    const host = new URL(t.core.origin).host;
    const tokens = eventTokenListSchema.parse(await (await t.api(`/api/events/${t.eventId}/tokens`)).json());
    const edit = tokens.tokens.find((x) => x.role === 'edit' && x.label === 'Pad-Links')!;
    const view = tokens.tokens.find((x) => x.role === 'view' && x.label === 'Pad-Links')!;
    expect(links.addresses[0]).toEqual({
      host,
      editUrl: `http://${host}/pad/${id}?token=${edit.token}`,
      viewUrl: `http://${host}/pad/${id}?token=${view.token}`,
    });
    expect(JSON.stringify(links)).not.toContain(t.core.token);
    // Asking again hands out the same links (made once per event).
    expect(await json(await t.api(`/api/pads/${id}/share`), shareLinksSchema)).toEqual(links);
    // A pad of no planned session has no event to make links for: an answer that says so.
    expect(await json(await t.api('/api/pads/ohne-session/share'), shareLinksSchema)).toEqual({
      addresses: [],
      unshareable: 'no-session',
    });
  });
});
