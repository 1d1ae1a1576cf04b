import { syntheticSketch } from '../shared/sketch/synthetic.ts';
import { encodeStroke, decodeStroke } from '../shared/sketch/strokeCodec.ts';
let t = performance.now();
const s = syntheticSketch(20000);
console.log('gen ms', performance.now() - t);
const byBrush: Record<string, number> = {};
let pts = 0;
for (const x of s) { byBrush[x.brush] = (byBrush[x.brush] ?? 0) + 1; pts += x.points.xyp.length / 3; }
console.log(byBrush, 'points', pts);
t = performance.now();
const enc = s.map((x) => encodeStroke(x));
console.log('encode ms', performance.now() - t, 'chars', enc.reduce((a, e) => a + e.points.length, 0));
t = performance.now();
let ok = 0;
for (let i = 0; i < enc.length; i++) { const r = decodeStroke(s[i]!.id, enc[i]); if (r.ok) ok++; else console.log(r.reason); }
console.log('decode ms', performance.now() - t, ok);
// pass count
const syn = syntheticSketch(40000); console.log('last y', syn[39999]!.points.xyp[1]);
