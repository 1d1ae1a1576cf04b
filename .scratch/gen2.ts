import { syntheticSketch } from '../shared/sketch/synthetic.ts';
for (let k = 0; k < 3; k++) { const t = performance.now(); syntheticSketch(20000); console.log('gen ms', performance.now() - t); }
