import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

/**
 * Raw loopback sockets for the access and fuzz tests: bytes exactly as written, so malformed
 * request lines, headers and WebSocket frames reach the core unnormalised (fetch and ws would
 * refuse to send most of them).
 */

/** Sends `bytes` and resolves with the status code of the answer (0: closed or timed out without one). */
export function rawRequest(port: number, bytes: Buffer | string, timeoutMs = 2_000): Promise<number> {
  return new Promise((resolvePromise) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    let done = false;
    const finish = (): void => {
      if (done) {
        return;
      }
      done = true;
      clearTimeout(timer);
      socket.destroy();
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(received);
      resolvePromise(m ? Number(m[1]) : 0);
    };
    const timer = setTimeout(finish, timeoutMs);
    socket.on('data', (d: Buffer) => {
      received += d.toString('latin1');
      if (received.includes('\r\n')) {
        finish();
      }
    });
    socket.on('error', finish);
    socket.on('close', finish);
    socket.write(bytes);
  });
}

/** The headers of a WebSocket upgrade for `path` (plus `extra` lines). */
export function upgradeRequest(path: string, port: number, extra: string[] = []): string {
  return [
    `GET ${path} HTTP/1.1`,
    `Host: 127.0.0.1:${port}`,
    'Upgrade: websocket',
    'Connection: Upgrade',
    `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
    'Sec-WebSocket-Version: 13',
    ...extra,
    '',
    '',
  ].join('\r\n');
}

/** Opens a WebSocket by hand; resolves with the socket after `101`, or the refusing status. */
export function rawUpgrade(
  port: number,
  path: string,
  extra: string[] = [],
): Promise<{ status: number; socket?: Socket }> {
  return new Promise((resolvePromise) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolvePromise({ status: 0 });
    }, 5_000);
    const onData = (d: Buffer): void => {
      received += d.toString('latin1');
      const end = received.indexOf('\r\n\r\n');
      if (end === -1) {
        return;
      }
      clearTimeout(timer);
      socket.off('data', onData);
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1] ?? 0);
      if (status === 101) {
        // Frames the core sends (sync step 1, awareness) are read and dropped.
        socket.on('data', () => undefined);
        resolvePromise({ status, socket });
      } else {
        socket.destroy();
        resolvePromise({ status });
      }
    };
    socket.on('data', onData);
    socket.on('error', () => {
      clearTimeout(timer);
      resolvePromise({ status: 0 });
    });
    socket.write(upgradeRequest(path, port, extra));
  });
}

/** One client WebSocket frame (masked unless told otherwise), with an optional lying length. */
export function wsFrame(
  opcode: number,
  payload: Uint8Array,
  options: { mask?: boolean; fin?: boolean; declaredLength?: bigint } = {},
): Buffer {
  const mask = options.mask ?? true;
  const length = options.declaredLength ?? BigInt(payload.length);
  const head: number[] = [((options.fin ?? true) ? 0x80 : 0) | (opcode & 0x0f)];
  const maskBit = mask ? 0x80 : 0;
  if (length < 126n) {
    head.push(maskBit | Number(length));
  } else if (length < 65536n) {
    head.push(maskBit | 126, Number(length >> 8n) & 0xff, Number(length) & 0xff);
  } else {
    head.push(maskBit | 127);
    for (let i = 7; i >= 0; i--) {
      head.push(Number((length >> BigInt(i * 8)) & 0xffn));
    }
  }
  const key = mask ? randomBytes(4) : Buffer.alloc(0);
  const body = Buffer.from(payload);
  if (mask) {
    for (let i = 0; i < body.length; i++) {
      body[i] = body[i]! ^ key[i % 4]!;
    }
  }
  return Buffer.concat([Buffer.from(head), key, body]);
}
