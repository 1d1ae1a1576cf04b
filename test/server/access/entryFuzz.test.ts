import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as encoding from 'lib0/encoding';
import * as prng from 'lib0/prng';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServe, type CliProcess } from '../../helpers/cliProcess.js';
import { connectSyncClient } from '../../helpers/syncClient.js';
import { makeTempDir } from '../../helpers/tempDir.js';
import { rawRequest, rawUpgrade, upgradeRequest, wsFrame } from './rawSocket.js';

/**
 * Finding 1 of issue 9: no request may stop the core. A real `mitschrift serve` (its own process,
 * so a crash shows as an exit) gets the inputs that used to kill it, then a few thousand seeded
 * malformed request lines, headers, cookies, upgrade paths and WebSocket frames over raw sockets.
 * Afterwards it must still answer `/api/health` and a document written before must be unchanged.
 */

const SEED = 0x9e3779b9;
/** Cases per kind; the whole fuzz also stops starting new cases after TIME_BOUND_MS. */
const CASES = { requestLine: 700, header: 700, cookie: 400, upgradePath: 600, wsFrames: 500 } as const;
const TIME_BOUND_MS = 40_000;
const CONCURRENCY = 16;
const TARGET = 'pad/fuzz-target';

let temp: ReturnType<typeof makeTempDir>;
let serve: CliProcess & { origin: string; token: string; port: number };
let viewToken: string;

beforeAll(async () => {
  temp = makeTempDir('mitschrift-fuzz-');
  serve = await startServe(['--port', '0', '--data', temp.dir, '--host', '127.0.0.1']);
  viewToken = readFileSync(join(temp.dir, 'view-token'), 'utf8').trim();
}, 60_000);

afterAll(async () => {
  if (serve.child.exitCode === null) {
    serve.child.kill('SIGTERM');
    await serve.exited;
  }
  temp.cleanup();
});

async function health(): Promise<number> {
  try {
    const res = await fetch(`${serve.origin}/api/health`, {
      headers: { Authorization: `Bearer ${serve.token}` },
    });
    return res.status;
  } catch {
    return 0;
  }
}

/** The target document's content as one comparable string. */
async function readTarget(): Promise<string> {
  const client = connectSyncClient(serve.origin, serve.token, TARGET);
  await client.synced;
  const content = `${client.doc.getText('notes').toString()}|${JSON.stringify(client.doc.getMap('facts').toJSON())}`;
  client.destroy();
  return content;
}

const METHODS = [
  'GET',
  'POST',
  'PUT',
  'HEAD',
  'DELETE',
  'OPTIONS',
  'PATCH',
  'CONNECT',
  'TRACE',
  'G\x00T',
  '',
];
const PATH_PIECES = [
  '/',
  '//',
  '/./',
  '/../',
  '[',
  ']',
  '[x',
  '%',
  '%E0%A4%A',
  '%zz',
  '%00',
  '%2F',
  '\\',
  'api',
  'yjs',
  'pad',
  'event',
  'sketch',
  'workspace',
  '?token=',
  '&',
  '#',
  '@',
  ':',
  'http://',
  'ü',
  '\u{1F600}',
  ' ',
];

function junkPath(gen: prng.PRNG): string {
  let path = prng.bool(gen) ? '/' : '';
  const n = prng.uint32(gen, 1, 8);
  for (let i = 0; i < n; i++) {
    path += prng.bool(gen) ? prng.oneOf(gen, PATH_PIECES) : prng.word(gen, 0, 6);
  }
  return path;
}

function junkBytes(gen: prng.PRNG, max: number): Buffer {
  return Buffer.from(prng.uint8Array(gen, prng.uint32(gen, 0, max)));
}

function percentJunk(gen: prng.PRNG): string {
  let s = '';
  const n = prng.uint32(gen, 1, 6);
  for (let i = 0; i < n; i++) {
    s += prng.oneOf(gen, [
      '%E0%A4%A',
      '%',
      '%zz',
      '%C3',
      '%FF%FE',
      '%25',
      '"',
      ';',
      '=',
      ',',
      prng.word(gen, 0, 4),
    ]);
  }
  return s;
}

function requestLineCase(gen: prng.PRNG, port: number): Buffer {
  const method = prng.oneOf(gen, METHODS);
  const target = prng.bool(gen) ? junkPath(gen) : junkBytes(gen, 40).toString('latin1');
  const version = prng.oneOf(gen, ['HTTP/1.1', 'HTTP/1.0', 'HTTP/2', 'HTTP/1.1 x', '', 'HTTP/9.9']);
  return Buffer.from(
    `${method} ${target} ${version}\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`,
    'latin1',
  );
}

function headerCase(gen: prng.PRNG, port: number, token: string): Buffer {
  const path = prng.oneOf(gen, ['/api/health', '/api/events', '/', '/pad/x', '/yjs/pad/x', junkPath(gen)]);
  const lines = [`${prng.oneOf(gen, ['GET', 'POST', 'PUT'])} ${path} HTTP/1.1`];
  if (prng.bool(gen)) {
    lines.push(
      `Host: ${prng.oneOf(gen, [`127.0.0.1:${port}`, '', '[', 'a b', junkBytes(gen, 12).toString('latin1')])}`,
    );
  }
  const n = prng.uint32(gen, 0, 6);
  for (let i = 0; i < n; i++) {
    const name = prng.oneOf(gen, [
      'Origin',
      'Authorization',
      'Content-Type',
      'Content-Length',
      'Transfer-Encoding',
      'Upgrade',
      'Connection',
      'Cookie',
      prng.word(gen, 0, 10),
    ]);
    const value = prng.oneOf(gen, [
      `Bearer ${token}`,
      'Bearer %E0%A4%A',
      'null',
      'http://[x',
      '-1',
      '99999999999999999999',
      'chunked',
      'application/json; charset=%',
      percentJunk(gen),
      junkBytes(gen, 30).toString('latin1'),
    ]);
    lines.push(`${name}: ${value}`);
  }
  lines.push('Connection: close', '', prng.bool(gen) ? '' : junkBytes(gen, 60).toString('latin1'));
  return Buffer.from(lines.join('\r\n'), 'latin1');
}

function cookieCase(gen: prng.PRNG, port: number): Buffer {
  const names = [`mitschrift_${port}`, `mitschrift_${port}_view`, 'x', '', prng.word(gen, 0, 6)];
  const cookies: string[] = [];
  const n = prng.uint32(gen, 1, 4);
  for (let i = 0; i < n; i++) {
    cookies.push(`${prng.oneOf(gen, names)}=${percentJunk(gen)}`);
  }
  const path = prng.oneOf(gen, ['/api/health', '/', '/yjs/workspace', '/yjs/pad/x']);
  const upgrade = path.startsWith('/yjs/') && prng.bool(gen);
  const head = upgrade
    ? upgradeRequest(path, port, [`Cookie: ${cookies.join('; ')}`]).replace(/\r\n\r\n$/, '')
    : `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nCookie: ${cookies.join('; ')}\r\nConnection: close`;
  return Buffer.from(`${head}\r\n\r\n`, 'latin1');
}

function upgradePathCase(gen: prng.PRNG, port: number, token: string): Buffer {
  const base = prng.oneOf(gen, ['/yjs/', '/yjs', '//', '/', '/yjs//', '/yjs/pad/', '/yjs/%E0%A4%A', '']);
  const path = base + (prng.bool(gen) ? junkPath(gen) : percentJunk(gen));
  const auth = prng.oneOf(gen, [[], [`Authorization: Bearer ${token}`], [`Origin: ${junkPath(gen)}`]]);
  const withToken = prng.bool(gen) ? `${path}${path.includes('?') ? '&' : '?'}token=${token}` : path;
  return Buffer.from(upgradeRequest(withToken, port, auth), 'latin1');
}

/** A y-websocket payload that is wrong in one of the ways a broken or hostile client could be. */
function junkMessage(gen: prng.PRNG): Uint8Array {
  const e = encoding.createEncoder();
  switch (prng.uint32(gen, 0, 6)) {
    case 0:
      return prng.uint8Array(gen, prng.uint32(gen, 0, 200));
    case 1: // a varint that never ends
      return new Uint8Array(prng.uint32(gen, 1, 12)).fill(0x80);
    case 2: // an unknown message type
      encoding.writeVarUint(e, prng.uint32(gen, 4, 1 << 20));
      encoding.writeUint8Array(e, prng.uint8Array(gen, 20));
      return encoding.toUint8Array(e);
    case 3: // sync message with a huge length prefix and little behind it
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, prng.uint32(gen, 0, 3));
      encoding.writeVarUint(e, prng.uint32(gen, 1 << 20, 0x7fffffff));
      encoding.writeUint8Array(e, prng.uint8Array(gen, 8));
      return encoding.toUint8Array(e);
    case 4: // awareness with a huge length prefix
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint(e, prng.uint32(gen, 1 << 20, 0x7fffffff));
      return encoding.toUint8Array(e);
    case 5: // awareness whose content is junk
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint8Array(e, prng.uint8Array(gen, prng.uint32(gen, 0, 64)));
      return encoding.toUint8Array(e);
    default: // sync step 2 / update with a junk update
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, prng.uint32(gen, 1, 2));
      encoding.writeVarUint8Array(e, prng.uint8Array(gen, prng.uint32(gen, 0, 64)));
      return encoding.toUint8Array(e);
  }
}

/** Frames for one connection: mostly well-framed junk messages, sometimes broken framing. */
function junkFrames(gen: prng.PRNG): Buffer[] {
  const frames: Buffer[] = [];
  const n = prng.uint32(gen, 1, 8);
  for (let i = 0; i < n; i++) {
    switch (prng.uint32(gen, 0, 9)) {
      case 0:
        frames.push(junkBytes(gen, 40)); // not a frame at all
        break;
      case 1:
        frames.push(wsFrame(2, junkMessage(gen), { mask: false })); // clients must mask
        break;
      case 2:
        frames.push(wsFrame(prng.oneOf(gen, [3, 4, 5, 0xb, 0xf]), junkMessage(gen))); // reserved opcodes
        break;
      case 3:
        frames.push(wsFrame(2, new Uint8Array(4), { declaredLength: 0x7fffffffffffffffn })); // huge length
        break;
      case 4:
        frames.push(wsFrame(1, junkMessage(gen))); // text frame (maybe bad UTF-8)
        break;
      default:
        frames.push(wsFrame(2, junkMessage(gen)));
    }
  }
  return frames;
}

async function wsFramesCase(gen: prng.PRNG, port: number, token: string, view: string): Promise<void> {
  // Read-only connections fuzz the target itself (their changes must be dropped); full ones a sandbox.
  const readOnly = prng.bool(gen);
  const path = readOnly
    ? `/yjs/${TARGET}?token=${view}`
    : `/yjs/pad/fuzz-sandbox-${prng.uint32(gen, 0, 3)}?token=${token}`;
  const { status, socket } = await rawUpgrade(port, path);
  if (status !== 101 || !socket) {
    throw new Error(`A good upgrade to ${path} was refused with ${status}.`);
  }
  for (const frame of junkFrames(gen)) {
    if (socket.destroyed) {
      break;
    }
    socket.write(frame);
  }
  await new Promise((r) => setTimeout(r, 20));
  socket.destroy();
}

describe('entry points: malformed requests never stop the core', () => {
  it('answers the inputs that used to kill it with a 4xx and keeps serving', async () => {
    const port = serve.port;
    const cases: [string, string][] = [
      ['cookie', upgradeRequest('/yjs/workspace', port, [`Cookie: mitschrift_${port}=%E0%A4%A`])],
      ['target //[x', upgradeRequest('//[x', port)],
      ['target http://[::1', upgradeRequest('http://[::1', port)],
      ['doc name', upgradeRequest(`/yjs/%E0%A4%A?token=${viewToken}`, port)],
      ['doc name (full token)', upgradeRequest(`/yjs/%E0%A4%A?token=${serve.token}`, port)],
      [
        'http cookie',
        `GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nCookie: mitschrift_${port}=%E0%A4%A\r\n\r\n`,
      ],
      ['http target', `GET //[x HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`],
    ];
    for (const [what, bytes] of cases) {
      const status = await rawRequest(port, bytes);
      expect(status, what).toBeGreaterThanOrEqual(400);
      expect(status, what).toBeLessThan(500);
      expect(await health(), `health after ${what}`).toBe(200);
    }
    expect(serve.child.exitCode).toBeNull();
  });

  it('survives a few thousand seeded malformed requests and frames with every document intact', async () => {
    const writer = connectSyncClient(serve.origin, serve.token, TARGET);
    await writer.synced;
    writer.doc.getText('notes').insert(0, 'Vor dem Fuzz geschrieben: Grüße, 🙂, 1 2 3.');
    writer.doc.getMap('facts').set('room', 'Raum A');
    await new Promise((r) => setTimeout(r, 200));
    writer.destroy();
    const before = await readTarget();
    expect(before).toContain('Vor dem Fuzz');

    const gen = prng.create(SEED);
    const port = serve.port;
    const queue: { kind: keyof typeof CASES; run: () => Promise<unknown> }[] = [];
    for (const kind of Object.keys(CASES) as (keyof typeof CASES)[]) {
      for (let i = 0; i < CASES[kind]; i++) {
        // Every case's bytes come from the seeded generator, in a fixed order.
        const run =
          kind === 'requestLine'
            ? (
                (b) => () =>
                  rawRequest(port, b, 1_000)
              )(requestLineCase(gen, port))
            : kind === 'header'
              ? (
                  (b) => () =>
                    rawRequest(port, b, 1_000)
                )(headerCase(gen, port, serve.token))
              : kind === 'cookie'
                ? (
                    (b) => () =>
                      rawRequest(port, b, 1_000)
                  )(cookieCase(gen, port))
                : kind === 'upgradePath'
                  ? (
                      (b) => () =>
                        rawRequest(port, b, 1_000)
                    )(upgradePathCase(gen, port, serve.token))
                  : (
                      (g) => () =>
                        wsFramesCase(g, port, serve.token, viewToken)
                    )(prng.create(prng.uint32(gen, 0, 0x7fffffff)));
        queue.push({ kind, run });
      }
    }
    // Shuffle (seeded) so a time bound still leaves every kind covered.
    const order = queue.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = prng.uint32(gen, 0, i);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const sent: Record<string, number> = {
      requestLine: 0,
      header: 0,
      cookie: 0,
      upgradePath: 0,
      wsFrames: 0,
    };
    const statuses: Record<string, number> = {};
    const started = Date.now();
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < order.length && Date.now() - started < TIME_BOUND_MS && serve.child.exitCode === null) {
        const item = queue[order[next++]!]!;
        const result = await item.run();
        sent[item.kind] = (sent[item.kind] ?? 0) + 1;
        if (typeof result === 'number') {
          const bucket = result === 0 ? 'none' : `${Math.floor(result / 100)}xx`;
          statuses[bucket] = (statuses[bucket] ?? 0) + 1;
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const total = Object.values(sent).reduce((a, b) => a + b, 0);
    console.info(
      `entry fuzz (seed ${SEED}): ${total} cases in ${Date.now() - started} ms; by kind ${JSON.stringify(sent)}; HTTP answers ${JSON.stringify(statuses)}`,
    );

    expect(serve.child.exitCode, serve.stderr()).toBeNull();
    expect(await health()).toBe(200);
    expect(total).toBeGreaterThanOrEqual(1_000);
    for (const kind of Object.keys(CASES)) {
      expect(sent[kind], kind).toBeGreaterThan(0);
    }
    // No 5xx: every malformed request is the client's fault and is answered as such.
    expect(statuses['5xx'] ?? 0).toBe(0);
    expect(await readTarget()).toBe(before);
  }, 120_000);
});
