import "server-only";

/**
 * Guessing passwords is made slow: failed sign-ins are counted per username and per client
 * address. After the second failure in a row each further attempt must wait (1 s, 2 s, 4 s…);
 * at the fifth a username is locked for 5 minutes, and each lockout that follows within a day
 * lasts twice as long (to an hour). An address is locked after 30 failures in 15 minutes, for
 * 15 minutes. A refused attempt never reaches the password check, and counts for nothing.
 * Unknown usernames are counted like known ones, so a lockout tells nothing about who exists.
 *
 * Counts live in this process; the client address is the last X-Forwarded-For entry, which the
 * load balancer in front sets (with nothing in front, a client may name its own, and the
 * username's count is what holds).
 */
export interface SignInPolicy {
  delayAfterFailures: number;
  usernameLockoutAfter: number;
  usernameLockoutMs: number;
  maxLockoutMs: number;
  addressLockoutAfter: number;
  addressWindowMs: number;
  addressLockoutMs: number;
}

export const SIGN_IN_POLICY: SignInPolicy = {
  delayAfterFailures: 2,
  usernameLockoutAfter: 5,
  usernameLockoutMs: 5 * 60_000,
  maxLockoutMs: 60 * 60_000,
  addressLockoutAfter: 30,
  addressWindowMs: 15 * 60_000,
  addressLockoutMs: 15 * 60_000,
};

/** Counters kept, at most: the oldest go first, so a flood of made-up usernames cannot grow memory. */
const MAX_TRACKED = 10_000;
const DAY_MS = 24 * 3600_000;

interface Counter {
  failures: number;
  firstFailureAt: number;
  lastFailureAt: number;
  lockedUntil: number;
  /** Lockouts within the last day, for the next one's length. */
  lockouts: number;
  lastLockoutAt: number;
}

export type SignInCheck = { allowed: true } | { allowed: false; retryAfterMs: number; lockedOut: boolean };

export interface Lockout {
  of: "username" | "address";
  forMs: number;
  failures: number;
}

export class SignInLimiter {
  private readonly counters = new Map<string, Counter>();

  constructor(
    private readonly policy: SignInPolicy = SIGN_IN_POLICY,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether an attempt may go on to the password check now. */
  check(username: string, address: string | undefined): SignInCheck {
    const time = this.now();
    const waits = [this.waitFor(`user:${username}`, time, true), address ? this.waitFor(`address:${address}`, time, false) : undefined].filter((wait) => wait !== undefined);
    if (!waits.length) return { allowed: true };
    return { allowed: false, retryAfterMs: Math.max(...waits.map((wait) => wait.ms)), lockedOut: waits.some((wait) => wait.lockedOut) };
  }

  /** Counts a wrong password; says so when this failure locks the username or the address. */
  failed(username: string, address: string | undefined): Lockout | undefined {
    const time = this.now();
    const user = this.count(`user:${username}`, time, DAY_MS);
    let lockout: Lockout | undefined;
    if (user.failures >= this.policy.usernameLockoutAfter) {
      user.lockouts = time - user.lastLockoutAt < DAY_MS ? user.lockouts + 1 : 1;
      const forMs = Math.min(this.policy.usernameLockoutMs * 2 ** (user.lockouts - 1), this.policy.maxLockoutMs);
      lockout = { of: "username", forMs, failures: user.failures };
      Object.assign(user, { lockedUntil: time + forMs, lastLockoutAt: time, failures: 0 });
    }
    if (address) {
      const from = this.count(`address:${address}`, time, this.policy.addressWindowMs);
      if (from.failures >= this.policy.addressLockoutAfter) {
        lockout ??= { of: "address", forMs: this.policy.addressLockoutMs, failures: from.failures };
        Object.assign(from, { lockedUntil: time + this.policy.addressLockoutMs, failures: 0 });
      }
    }
    return lockout;
  }

  /** The right password: the username starts afresh (its lockout history stays). */
  succeeded(username: string): void {
    const counter = this.counters.get(`user:${username}`);
    if (counter) Object.assign(counter, { failures: 0 });
  }

  private waitFor(key: string, time: number, delays: boolean): { ms: number; lockedOut: boolean } | undefined {
    const counter = this.counters.get(key);
    if (!counter) return undefined;
    if (counter.lockedUntil > time) return { ms: counter.lockedUntil - time, lockedOut: true };
    if (!delays || counter.failures < this.policy.delayAfterFailures) return undefined;
    const readyAt = counter.lastFailureAt + 1000 * 2 ** (counter.failures - this.policy.delayAfterFailures);
    return readyAt > time ? { ms: readyAt - time, lockedOut: false } : undefined;
  }

  private count(key: string, time: number, windowMs: number): Counter {
    let counter = this.counters.get(key);
    if (!counter) {
      if (this.counters.size >= MAX_TRACKED) this.counters.delete(this.counters.keys().next().value!);
      counter = { failures: 0, firstFailureAt: time, lastFailureAt: time, lockedUntil: 0, lockouts: 0, lastLockoutAt: -Infinity };
    }
    // Re-inserted, so the map's order is least recently failed first.
    this.counters.delete(key);
    this.counters.set(key, counter);
    if (time - counter.firstFailureAt > windowMs) Object.assign(counter, { failures: 0, firstFailureAt: time });
    counter.failures += 1;
    counter.lastFailureAt = time;
    return counter;
  }
}

/** What the sign-in page is told when an attempt is refused unchecked: "SignInLocked:300" or "SignInTooSoon:2", in seconds. */
export function refusalCode(check: Extract<SignInCheck, { allowed: false }>): string {
  return `${check.lockedOut ? "SignInLocked" : "SignInTooSoon"}:${Math.max(1, Math.ceil(check.retryAfterMs / 1000))}`;
}

/** The client's address as the nearest proxy (or Next itself, with none) recorded it. */
export function clientAddress(headers: Record<string, string | string[] | undefined> | undefined): string | undefined {
  const forwarded = headers?.["x-forwarded-for"];
  const value = Array.isArray(forwarded) ? forwarded[forwarded.length - 1] : forwarded;
  const last = value?.split(",").pop()?.trim();
  return last ? last.slice(0, 64) : undefined;
}

let shared: SignInLimiter | undefined;

export function sharedSignInLimiter(): SignInLimiter {
  shared ??= new SignInLimiter();
  return shared;
}
