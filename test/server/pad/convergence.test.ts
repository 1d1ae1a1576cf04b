import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { RunningCore } from '../../../server/core/coreTypes.js';
import { startCore } from '../../../server/core/startCore.js';
import { readPadContent } from '../../../shared/pad/padContent.js';
import { contentFragment } from '../../../shared/pad/padLayout.js';
import { connectSyncClient, waitFor, type SyncClient } from '../../helpers/syncClient.js';
import { makeTempDir } from '../../helpers/tempDir.js';
import { quietLogger } from './padTestCore.js';
import { mulberry32 } from '../../../shared/random.js';

const SEEDS = [1, 20261124, 4711];
const CLIENTS = 4;
const STEPS = 400;
const DOC = 'pad/convergence';

let temp: ReturnType<typeof makeTempDir> | undefined;
let core: RunningCore | undefined;
const clients: SyncClient[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) {
    c.destroy();
  }
  await core?.close();
  core = undefined;
  temp?.cleanup();
});

/** One random edit of the pad's content the way an editor makes them (paragraphs of formatted text). */
function randomEdit(doc: Y.Doc, random: () => number, token: string): void {
  const fragment = contentFragment(doc);
  const pick = random();
  doc.transact(() => {
    const paragraphs = fragment.toArray().filter((n): n is Y.XmlElement => n instanceof Y.XmlElement);
    if (paragraphs.length === 0 || pick < 0.15) {
      const p = new Y.XmlElement(random() < 0.2 ? 'heading' : 'paragraph');
      if (p.nodeName === 'heading') {
        p.setAttribute('level', String(1 + Math.floor(random() * 3)));
      }
      p.insert(0, [new Y.XmlText(`${token} `)]);
      fragment.insert(Math.floor(random() * (fragment.length + 1)), [p]);
      return;
    }
    const p = paragraphs[Math.floor(random() * paragraphs.length)]!;
    let text = p.get(0);
    if (!(text instanceof Y.XmlText)) {
      text = new Y.XmlText();
      p.insert(0, [text]);
    }
    const t = text as Y.XmlText;
    if (pick < 0.25 && paragraphs.length > 3) {
      // Delete a whole paragraph (someone else may be typing in it: Yjs keeps their edit's fate consistent).
      const index = fragment.toArray().indexOf(p);
      if (index >= 0) {
        fragment.delete(index, 1);
      }
    } else if (pick < 0.45 && t.length > 4) {
      const at = Math.floor(random() * (t.length - 2));
      t.delete(at, 1 + Math.floor(random() * Math.min(4, t.length - at - 1)));
    } else if (pick < 0.55 && t.length > 2) {
      const at = Math.floor(random() * (t.length - 1));
      t.format(at, 1 + Math.floor(random() * (t.length - at - 1)), { bold: random() < 0.7 ? {} : null });
    } else {
      const at = Math.floor(random() * (t.length + 1));
      t.insert(at, `${token} `, { author: { id: token.split('-')[0] } });
    }
  });
  // Every edit is also logged where nobody deletes anything: the proof that no edit got lost.
  doc.getArray<string>('journal').push([token]);
}

async function runSeed(seed: number): Promise<void> {
  const random = mulberry32(seed);
  temp = makeTempDir('mitschrift-conv-');
  const dataDir = temp.dir;
  core = await startCore({ host: '127.0.0.1', port: 0, dataDir, logger: quietLogger });
  const port = Number(new URL(core.origin).port);
  const origin = core.origin;
  const token = core.token;
  for (let i = 0; i < CLIENTS; i++) {
    clients.push(connectSyncClient(origin, token, DOC, new Y.Doc()));
  }
  await Promise.all(clients.map((c) => c.synced));

  const issued: string[] = [];
  let disconnects = 0;
  const restartAt = Math.floor(STEPS / 2);
  for (let step = 0; step < STEPS; step++) {
    if (step === restartAt) {
      // The core goes down mid-session (flushing as on SIGTERM) and comes back on the same port.
      await core.close();
      for (let k = 0; k < 10; k++) {
        const who = Math.floor(random() * CLIENTS);
        const tok = `c${who}-down${k}`;
        randomEdit(clients[who]!.doc, random, tok);
        issued.push(tok);
      }
      core = await startCore({ host: '127.0.0.1', port, dataDir, logger: quietLogger });
    }
    const who = Math.floor(random() * CLIENTS);
    const client = clients[who]!;
    const roll = random();
    if (roll < 0.04 && client.provider.wsconnected) {
      client.provider.disconnect();
      disconnects += 1;
    } else if (roll < 0.1 && !client.provider.shouldConnect) {
      client.provider.connect();
    }
    const tok = `c${who}-${step}`;
    randomEdit(client.doc, random, tok);
    issued.push(tok);
    if (random() < 0.3) {
      await new Promise((r) => setTimeout(r, Math.floor(random() * 8)));
    }
  }

  expect(disconnects, 'the run should include disconnects').toBeGreaterThan(2);
  for (const c of clients) {
    if (!c.provider.shouldConnect) {
      c.provider.connect();
    }
  }
  const states = (): string[] =>
    clients.map((c) => Buffer.from(Y.encodeStateVector(c.doc)).toString('base64'));
  await waitFor(
    () => clients.every((c) => c.provider.synced) && new Set(states()).size === 1,
    20_000,
    `all ${CLIENTS} clients to converge (seed ${seed})`,
  );
  const contents = clients.map((c) => JSON.stringify(readPadContent(c.doc)));
  expect(new Set(contents).size, `seed ${seed}: the documents differ`).toBe(1);
  for (const c of clients) {
    expect(new Set(c.doc.getArray<string>('journal').toArray()), `seed ${seed}: an edit was lost`).toEqual(
      new Set(issued),
    );
  }

  // What the core wrote to disk is the same document.
  for (const c of clients.splice(0)) {
    c.destroy();
  }
  await new Promise((r) => setTimeout(r, 100));
  await core.close();
  core = await startCore({ host: '127.0.0.1', port: 0, dataDir, logger: quietLogger });
  const fresh = connectSyncClient(core.origin, core.token, DOC, new Y.Doc());
  clients.push(fresh);
  await fresh.synced;
  expect(JSON.stringify(readPadContent(fresh.doc))).toBe(contents[0]);
  expect(new Set(fresh.doc.getArray<string>('journal').toArray())).toEqual(new Set(issued));
}

describe('convergence under random edits, disconnects and a core restart', () => {
  it.each(SEEDS)(
    'seed %i: every client ends with the same document and no edit is lost',
    async (seed) => {
      await runSeed(seed);
    },
    90_000,
  );
});
