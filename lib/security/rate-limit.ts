// A token bucket per client and route class, in this process's memory: `limit` requests a minute,
// refilled continuously, with bursts up to `limit`. Several servers each keep their own buckets
// (a shared store such as Redis would make the limit global; see the README).

export interface RateDecision {
  allowed: boolean;
  /** Whole seconds until one request is allowed again (0 when allowed). */
  retryAfter: number;
  remaining: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly limitPerMinute: number,
    private readonly maxKeys = 50_000,
  ) {}

  take(key: string, now = Date.now()): RateDecision {
    const rate = this.limitPerMinute / 60_000;
    const bucket = this.buckets.get(key) ?? { tokens: this.limitPerMinute, at: now };
    bucket.tokens = Math.min(this.limitPerMinute, bucket.tokens + (now - bucket.at) * rate);
    bucket.at = now;
    if (this.buckets.size >= this.maxKeys && !this.buckets.has(key)) this.evict(now);
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true, retryAfter: 0, remaining: Math.floor(bucket.tokens) };
    }
    return { allowed: false, retryAfter: Math.max(1, Math.ceil((1 - bucket.tokens) / rate / 1000)), remaining: 0 };
  }

  /** Drops buckets that have refilled completely (they hold no information). */
  private evict(now: number): void {
    const full = 60_000;
    for (const [k, b] of this.buckets) if (now - b.at >= full) this.buckets.delete(k);
    if (this.buckets.size >= this.maxKeys) this.buckets.clear();
  }
}
