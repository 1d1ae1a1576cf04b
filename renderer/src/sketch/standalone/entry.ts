/**
 * Entry of the standalone sketch page (`sketch-bench.html`): the live canvas bound to a document,
 * or one of the benchmark harnesses. Each is loaded on demand, so fabric.js is only fetched for the
 * stock-fabric benchmark.
 */
const params = new URLSearchParams(location.search);
const root = document.getElementById('root');
if (!root) {
  throw new Error('sketch-bench.html has no #root element.');
}
const bench = params.get('bench');
if (bench === 'mitschrift') {
  void import('./benchMitschrift.js').then((m) => m.installBench(root));
} else if (bench === 'fabric-stock') {
  void import('./benchFabric.js').then((m) => m.installBench(root));
} else {
  void import('./livePage.js').then((m) => m.startLivePage(root, params));
}
