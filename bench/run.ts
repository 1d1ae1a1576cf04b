import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { canvasBenchmark } from './canvas.js';
import { collabBenchmark } from './collab.js';
import { exportBenchmark } from './export.js';
import { notesBenchmark } from './notes.js';
import { startupBenchmark } from './startup.js';
import type { Benchmark } from './types.js';

/** Every benchmark by name. */
const benchmarks: Record<string, Benchmark> = {
  startup: startupBenchmark,
  notes: notesBenchmark,
  canvas: canvasBenchmark,
  collab: collabBenchmark,
  export: exportBenchmark,
};

/** Flags every benchmark understands. */
const FLAGS = ['--quick'];

const RESULTS_DIR = join(import.meta.dirname, 'results');

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const names = args.filter((a) => !a.startsWith('-'));
  const unknownFlag = args.find((a) => a.startsWith('-') && !FLAGS.includes(a));
  if (unknownFlag !== undefined) {
    console.error(`Unknown option "${unknownFlag}". Known: ${FLAGS.join(', ')}.`);
    return 2;
  }
  for (const name of names) {
    if (!benchmarks[name]) {
      console.error(`Unknown benchmark "${name}". Known: ${Object.keys(benchmarks).join(', ')}.`);
      return 2;
    }
  }
  mkdirSync(RESULTS_DIR, { recursive: true });
  for (const name of names.length ? names : Object.keys(benchmarks)) {
    const bench = benchmarks[name]!;
    console.info(`\n== ${name}: ${bench.description}`);
    const result = await bench.run({ quick: args.includes('--quick') });
    console.table(result.rows);
    const file = join(RESULTS_DIR, `${name}.json`);
    writeFileSync(
      file,
      JSON.stringify(
        { name, measuredAt: new Date().toISOString(), machine: machineInfo(), ...result },
        null,
        2,
      ) + '\n',
    );
    console.info(`wrote ${file}`);
  }
  return 0;
}

function machineInfo(): Record<string, string | number> {
  return { node: process.version, platform: process.platform, arch: process.arch };
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
