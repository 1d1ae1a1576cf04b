/**
 * Debian's Chromium; tests and benchmarks never download a browser. `CHROMIUM_PATH` (or the older
 * `MITSCHRIFT_CHROMIUM`) points at another one.
 */
export const CHROMIUM_PATH =
  process.env['CHROMIUM_PATH'] ?? process.env['MITSCHRIFT_CHROMIUM'] ?? '/usr/bin/chromium';

/** Flags for Chromium in this sandbox: no background networking (the network is closed), no GPU. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
