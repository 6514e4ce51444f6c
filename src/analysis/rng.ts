/**
 * xoshiro128** (Blackman & Vigna 2018), seeded through splitmix32: a small, fast generator whose stream depends
 * only on the seed, so a seeded analysis is byte-for-byte reproducible on every machine.
 */
export class Rng {
  /**
   * The four state words as int32 bits. In plain number fields the unsigned words above 2^31 were stored as heap
   * numbers, so every draw allocated; XOR, shifts and imul read the same 32 bits either way, so the stream is
   * unchanged (the draw itself is still taken unsigned).
   */
  private readonly s = new Int32Array(4);

  constructor(seed: number) {
    let s = seed >>> 0;
    const next = () => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    for (let k = 0; k < 4; k++) this.s[k] = next();
  }

  /** Uniform in [0, 1) with 32 bits of resolution. */
  next(): number {
    const s = this.s;
    const b = s[1];
    const r = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    s[2] ^= s[0];
    s[3] ^= b;
    s[1] = b ^ s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return r / 4294967296;
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/**
 * Fills `out` with a point drawn uniformly from the unit simplex. `dirichlet`: normalised Exp(1) draws (Dirichlet(1));
 * `sorted`: the gaps between sorted uniforms (Rubinstein 1982). Both are exactly uniform; neither allocates.
 */
export function sampleSimplex(rng: Rng, out: Float64Array, sampler: 'dirichlet' | 'sorted', scratch: Float64Array): void {
  const n = out.length;
  if (sampler === 'dirichlet') {
    let s = 0;
    for (let i = 0; i < n; i++) {
      out[i] = -Math.log(1 - rng.next());
      s += out[i];
    }
    for (let i = 0; i < n; i++) out[i] /= s;
    return;
  }
  // scratch[0..n-2] = sorted uniforms (insertion sort: n is small), then gaps with 0 and 1 as ends.
  for (let i = 0; i < n - 1; i++) {
    const u = rng.next();
    let k = i;
    while (k > 0 && scratch[k - 1] > u) {
      scratch[k] = scratch[k - 1];
      k--;
    }
    scratch[k] = u;
  }
  let prev = 0;
  for (let i = 0; i < n - 1; i++) {
    out[i] = scratch[i] - prev;
    prev = scratch[i];
  }
  out[n - 1] = 1 - prev;
}
