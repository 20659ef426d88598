/**
 * mulberry32: the simulator's one small deterministic PRNG. Button bounce
 * (sim/button.ts) and `outpost fuzz`'s stimuli (sim/fuzz.ts) draw from it,
 * so a seed gives the same run on every machine; tests that model a run
 * use it too. Not for anything that needs unpredictability.
 */

/** A generator of numbers in [0, 1) from a 32-bit state. */
export function mulberry32(state: number): () => number {
  let a = state >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
