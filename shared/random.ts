/**
 * The seeded random generator of tests, benchmarks and synthetic sketches: mulberry32, a tiny
 * 32-bit generator. Same seed, same sequence, so a failing run can be replayed from its seed.
 * (shared/sketch/objects/handDrawn.ts keeps its own generator: its sequence is part of how every
 * saved hand-drawn shape looks, so changing it would redraw existing sketchnotes.)
 */

/** A generator of floats in [0, 1) from a 32-bit seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
