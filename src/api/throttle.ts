/**
 * Login throttling: a password check costs ~32 MiB and tens of milliseconds of scrypt, so
 * guessing is slowed per client (and per client + email) and concurrent checks are capped.
 */

/** Failed logins allowed per key within LOGIN_WINDOW_MS before answering 429. */
export const LOGIN_MAX_FAILURES = 10;
/** Window over which failures count, in milliseconds. */
export const LOGIN_WINDOW_MS = 15 * 60_000;
/** Password checks running at once; more wait for none and get 429. */
export const LOGIN_MAX_CONCURRENT = 8;
/** Entries kept before expired ones are swept (bounds memory under a flood of addresses). */
const SWEEP_ABOVE = 10_000;

export class LoginThrottle {
  private readonly failures = new Map<string, { n: number; until: number }>();
  private running = 0;

  constructor(
    private readonly maxFailures = LOGIN_MAX_FAILURES,
    private readonly windowMs = LOGIN_WINDOW_MS,
    private readonly maxConcurrent = LOGIN_MAX_CONCURRENT,
  ) {}

  /** Seconds to wait when any key is over its limit, else null. */
  blocked(keys: readonly string[], now = Date.now()): number | null {
    let wait = 0;
    for (const k of keys) {
      const f = this.failures.get(k);
      if (!f) continue;
      if (f.until <= now) this.failures.delete(k);
      else if (f.n >= this.maxFailures) wait = Math.max(wait, Math.ceil((f.until - now) / 1000));
    }
    return wait > 0 ? wait : null;
  }

  fail(keys: readonly string[], now = Date.now()): void {
    if (this.failures.size > SWEEP_ABOVE) {
      for (const [k, f] of this.failures) if (f.until <= now) this.failures.delete(k);
    }
    for (const k of keys) {
      const f = this.failures.get(k);
      if (f && f.until > now) f.n++;
      else this.failures.set(k, { n: 1, until: now + this.windowMs });
    }
  }

  succeed(keys: readonly string[]): void {
    for (const k of keys) this.failures.delete(k);
  }

  /** Runs a password check if a slot is free; null when all slots are busy. */
  async limit<T>(check: () => Promise<T>): Promise<{ value: T } | null> {
    if (this.running >= this.maxConcurrent) return null;
    this.running++;
    try {
      return { value: await check() };
    } finally {
      this.running--;
    }
  }
}
