#!/usr/bin/env node
// Launcher for the CLI, which is bundled with the app into out/main/cli.js by `npm run build`.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../out/main/cli.js', import.meta.url));
if (!existsSync(cli)) {
  console.error(
    'Mitschrift is not built yet: run `npm run build` (npm install does it too), then try again.',
  );
  process.exit(1);
}
await import(cli);
