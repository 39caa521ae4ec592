/**
 * Password spraying: one address trying a few common passwords against many usernames never trips the limit per
 * (address, username). This counts failed logins per address over a window and refuses the address once it has
 * spent `max`.
 *
 * Only failures count, so a command room behind one NAT address can still log fifty desks in at a shift change.
 * An attempt takes its slot before the password is checked (concurrent guesses cannot all slip past the check)
 * and gives it back when the login succeeds. Kept in memory per instance, like the per-username limit: a sprayer
 * spread over N instances gets N times the budget, still far below what spraying needs.
 */
export type AddressLimit = { max: number; windowMs: number };

/** Distinct addresses remembered at most; past that the oldest is forgotten (an IPv6 sprayer has many). */
const MAX_ADDRESSES = 10_000;

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly limit: AddressLimit) {}

  /** A slot for one attempt from `address`, or undefined when the address has used up its failures. */
  take(address: string, now: number): { succeeded: () => void } | undefined {
    const since = now - this.limit.windowMs;
    const recent = (this.failures.get(address) ?? []).filter((at) => at > since);
    if (recent.length >= this.limit.max) {
      this.remember(address, recent);
      return undefined;
    }
    recent.push(now);
    this.remember(address, recent);
    return {
      succeeded: () => {
        const list = this.failures.get(address);
        const index = list?.indexOf(now) ?? -1;
        if (list && index >= 0) list.splice(index, 1);
      },
    };
  }

  private remember(address: string, recent: number[]): void {
    this.failures.delete(address);
    if (recent.length > 0) this.failures.set(address, recent);
    if (this.failures.size > MAX_ADDRESSES) {
      const oldest = this.failures.keys().next().value;
      if (oldest !== undefined) this.failures.delete(oldest);
    }
  }
}
