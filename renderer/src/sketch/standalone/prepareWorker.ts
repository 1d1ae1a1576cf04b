import { prepareSyntheticDoc } from './syntheticDoc.js';

/**
 * Builds the benchmark's synthetic document in a worker, so the generator's garbage lives in the
 * worker's heap (discarded with it) and not in the page whose memory the benchmark measures.
 */
self.onmessage = (event: MessageEvent<{ strokes: number; seed: number }>) => {
  const prepared = prepareSyntheticDoc(event.data.strokes, event.data.seed);
  (self as unknown as Worker).postMessage(prepared, [prepared.update.buffer]);
};
