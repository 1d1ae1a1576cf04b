import { syntheticSketch } from '../shared/sketch/synthetic.ts';
import { encodeStroke, decodeStroke } from '../shared/sketch/strokeCodec.ts';
import { strokeJsonSchema } from '../shared/sketch/sketchLayout.ts';
import { decodePoints } from '../shared/sketch/pointCodec.ts';
for (let k = 0; k < 2; k++) {
let t = performance.now();
const s = syntheticSketch(20000);
console.log('gen ms', performance.now() - t);
const enc = s.map((x) => encodeStroke(x));
for (let rep = 0; rep < 3; rep++) {
t = performance.now();
for (const e of enc) strokeJsonSchema.safeParse(e);
console.log('zod ms', performance.now() - t);
t = performance.now();
for (const e of enc) decodePoints(e.n, e.points);
console.log('points ms', performance.now() - t);
t = performance.now();
for (let i = 0; i < enc.length; i++) decodeStroke(s[i]!.id, enc[i]);
console.log('decode ms', performance.now() - t);
}
}
