// Seeded randomness for the simulator. The model never calls Math.random, so a seed reproduces a
// whole network and job stream exactly (tests compare runs; a bug report can quote its seed).

/** mulberry32: 32-bit state, fast, good enough for simulation (not for cryptography). */
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

/** Mixes integers into one 32-bit hash: stateless draws such as "is GPU g online in hour h". */
export function hash32(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x01000193);
    h = Math.imul(h ^ Math.floor(part / 4294967296), 0x01000193);
    h ^= h >>> 13;
    h = Math.imul(h, 0x5bd1e995);
    h ^= h >>> 15;
  }
  return h >>> 0;
}

export function hashUnit(...parts: number[]): number {
  return hash32(...parts) / 4294967296;
}

export type Weighted<T> = readonly (readonly [T, number])[];

export class Rng {
  private readonly next01: () => number;

  constructor(seed: number) {
    this.next01 = mulberry32(seed);
  }

  next(): number {
    return this.next01();
  }

  chance(p: number): boolean {
    return this.next01() < p;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next01() * (max - min + 1));
  }

  uniform(min: number, max: number): number {
    return min + this.next01() * (max - min);
  }

  /** Spreads values over orders of magnitude, as token counts are (many short prompts, few long). */
  logUniform(min: number, max: number): number {
    return Math.exp(this.uniform(Math.log(min), Math.log(max)));
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next01();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next01());
  }

  /** Multiplicative noise centred on 1: latencies are skewed, never negative. */
  logNormal(sigma: number): number {
    return Math.exp(sigma * this.normal());
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[Math.floor(this.next01() * items.length)]!;
  }

  weighted<T>(table: Weighted<T>): T {
    const total = table.reduce((sum, [, w]) => sum + w, 0);
    if (!(total > 0)) throw new Error("weighted pick needs a positive total weight");
    let r = this.next01() * total;
    for (const [item, w] of table) {
      r -= w;
      if (r < 0) return item;
    }
    return table[table.length - 1]![0];
  }

  hex(length: number): string {
    let out = "";
    while (out.length < length)
      out += Math.floor(this.next01() * 0x10000)
        .toString(16)
        .padStart(4, "0");
    return out.slice(0, length);
  }
}
