import type { Rng } from './rng';
import type { WeightPolytope } from '../weights/weight-constraints';

/**
 * Hit-and-run (Smith 1984) over the polytope, as Tervonen, van Valkenhoef, Baştürk & Postmus (2012) use it for
 * SMAA weights ("Hit-And-Run enables efficient weight generation for simulation-based multiple criteria decision
 * analysis", EJOR 224(3)): from the current point, a direction uniform on the sphere of the plane Σw = 0, the chord
 * of the polytope along it, a point uniform on the chord. The chain starts at the Chebyshev centre, discards a
 * burn-in of BURN_IN_THINS × thin steps, and keeps one point every `thin` = min(n³, 1000) steps (the n³ thinning
 * Tervonen et al. found enough for uniformity). Driven by the caller's seeded stream, so output is deterministic.
 */
export class HitAndRun {
  private readonly x: Float64Array;
  private readonly d: Float64Array;
  private readonly thin: number;
  private started = false;
  constructor(private readonly p: WeightPolytope) {
    this.x = Float64Array.from(p.start);
    this.d = new Float64Array(p.n);
    this.thin = Math.min(p.n ** 3, 1000);
  }

  next(rng: Rng, out: Float64Array): void {
    if (!this.started) {
      for (let s = 0; s < BURN_IN_THINS * this.thin; s++) this.step(rng);
      this.started = true;
    }
    for (let s = 0; s < this.thin; s++) this.step(rng);
    out.set(this.x);
  }

  private step(rng: Rng): void {
    const { x, d } = this;
    const n = x.length;
    // A Gaussian vector projected onto Σd = 0 is uniform in direction on that plane's sphere (Box–Muller pairs).
    let mean = 0;
    for (let j = 0; j < n; j += 2) {
      const r = Math.sqrt(-2 * Math.log(1 - rng.next()));
      const t = 2 * Math.PI * rng.next();
      d[j] = r * Math.cos(t);
      if (j + 1 < n) d[j + 1] = r * Math.sin(t);
    }
    for (let j = 0; j < n; j++) mean += d[j] / n;
    for (let j = 0; j < n; j++) d[j] -= mean;
    // The chord: lo <= t <= hi keeps every row and every w_j >= 0.
    let lo = -Infinity;
    let hi = Infinity;
    const bound = (gd: number, slack: number) => {
      if (gd > 1e-15) hi = Math.min(hi, slack / gd);
      else if (gd < -1e-15) lo = Math.max(lo, slack / gd);
    };
    for (let j = 0; j < n; j++) bound(-d[j], x[j]);
    for (const r of this.p.rows) {
      let gd = 0;
      let gx = 0;
      for (let j = 0; j < n; j++) {
        gd += r.g[j] * d[j];
        gx += r.g[j] * x[j];
      }
      bound(gd, r.h - gx);
    }
    if (!(hi > lo)) return; // a degenerate chord (rounding at a vertex): stay, the next direction moves on
    const t = lo + rng.next() * (hi - lo);
    let sum = 0;
    for (let j = 0; j < n; j++) sum += (x[j] = Math.max(0, x[j] + t * d[j]));
    for (let j = 0; j < n; j++) x[j] /= sum; // no drift off Σw = 1 over millions of steps
  }
}

const BURN_IN_THINS = 10;
