/**
 * Failed sign-ins per client address in a sliding window, kept in this node's memory (a restart
 * forgets them; with several nodes each counts its own share, so the limit multiplies by the node
 * count — still far below what guessing passwords needs). The address is `req.ip`, which honours
 * X-Forwarded-For only from the proxies listed in TRUST_PROXY, so a forged header changes nothing.
 */
export class AddressThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs: number,
    /** Bounds memory when addresses are many (IPv6): the oldest entries are dropped first. */
    private readonly maxAddresses = 10_000,
  ) {}

  /** Seconds until `address` may try again, or 0 when it may try now. */
  retryAfter(address: string, now: number): number {
    const times = this.recent(address, now);
    if (times.length < this.maxFailures) return 0;
    const oldest = times[times.length - this.maxFailures] ?? now;
    return Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000));
  }

  fail(address: string, now: number): void {
    const times = this.recent(address, now);
    times.push(now);
    this.failures.delete(address);
    this.failures.set(address, times);
    if (this.failures.size > this.maxAddresses) {
      const oldest = this.failures.keys().next().value;
      if (oldest !== undefined) this.failures.delete(oldest);
    }
  }

  private recent(address: string, now: number): number[] {
    const times = (this.failures.get(address) ?? []).filter((t) => t > now - this.windowMs);
    if (times.length === 0) this.failures.delete(address);
    return times;
  }
}
