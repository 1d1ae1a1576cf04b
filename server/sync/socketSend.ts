import type { WebSocket } from 'ws';

/** Sends a message if the socket is open; a failing socket is closed, never thrown through. */
export function send(conn: WebSocket, message: Uint8Array): void {
  if (conn.readyState !== conn.OPEN) {
    return;
  }
  conn.send(message, (error) => {
    if (error) {
      conn.terminate();
    }
  });
}
