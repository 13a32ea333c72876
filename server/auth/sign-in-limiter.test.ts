import { describe, expect, it } from "vitest";
import { clientAddress, refusalCode, SignInLimiter } from "./sign-in-limiter";

function limiterAt(start = 0) {
  const clock = { now: start };
  return { limiter: new SignInLimiter(undefined, () => clock.now), clock };
}

describe("SignInLimiter", () => {
  it("lets a person who mistypes once or twice try again at once", () => {
    const { limiter } = limiterAt();
    limiter.failed("dana", "10.0.0.1");
    expect(limiter.check("dana", "10.0.0.1")).toEqual({ allowed: true });
    limiter.failed("dana", "10.0.0.1");
    expect(limiter.check("dana", "10.0.0.1")).toMatchObject({ allowed: false, lockedOut: false, retryAfterMs: 1000 });
  });

  it("makes each further guess wait twice as long, then locks the username for 5 minutes, then 10", () => {
    const { limiter, clock } = limiterAt();
    const waits: number[] = [];
    let lockout;
    for (let attempt = 1; attempt <= 5; attempt++) {
      const check = limiter.check("dana", undefined);
      if (!check.allowed) {
        waits.push(check.retryAfterMs);
        clock.now += check.retryAfterMs;
      }
      expect(limiter.check("dana", undefined).allowed).toBe(true);
      lockout = limiter.failed("dana", undefined);
    }
    expect(waits).toEqual([1000, 2000, 4000]);
    expect(lockout).toEqual({ of: "username", forMs: 5 * 60_000, failures: 5 });
    expect(limiter.check("dana", undefined)).toMatchObject({ allowed: false, lockedOut: true, retryAfterMs: 5 * 60_000 });
    clock.now += 5 * 60_000;
    expect(limiter.check("dana", undefined).allowed).toBe(true);
    // Guessing on after a lockout: the next lockout lasts twice as long.
    for (let attempt = 1; attempt <= 5; attempt++) {
      const check = limiter.check("dana", undefined);
      if (!check.allowed) clock.now += check.retryAfterMs;
      lockout = limiter.failed("dana", undefined);
    }
    expect(lockout).toMatchObject({ of: "username", forMs: 10 * 60_000 });
  });

  it("starts a username afresh after the right password", () => {
    const { limiter } = limiterAt();
    limiter.failed("dana", undefined);
    limiter.failed("dana", undefined);
    limiter.succeeded("dana");
    expect(limiter.check("dana", undefined)).toEqual({ allowed: true });
  });

  it("counts unknown usernames like known ones, so a lockout tells nothing about who exists", () => {
    const { limiter, clock } = limiterAt();
    for (const name of ["dana", "nobody-by-this-name"]) {
      for (let attempt = 1; attempt <= 5; attempt++) {
        const check = limiter.check(name, undefined);
        if (!check.allowed) clock.now += check.retryAfterMs;
        limiter.failed(name, undefined);
      }
    }
    expect(limiter.check("dana", undefined)).toMatchObject({ allowed: false, lockedOut: true });
    expect(limiter.check("nobody-by-this-name", undefined)).toMatchObject({ allowed: false, lockedOut: true });
  });

  it("locks an address that guesses across many usernames: 30 failures in 15 minutes", () => {
    const { limiter, clock } = limiterAt();
    let lockout;
    for (let attempt = 1; attempt <= 30; attempt++) {
      clock.now += 1000;
      lockout = limiter.failed(`user-${attempt}`, "203.0.113.9");
    }
    expect(lockout).toEqual({ of: "address", forMs: 15 * 60_000, failures: 30 });
    expect(limiter.check("someone-new", "203.0.113.9")).toMatchObject({ allowed: false, lockedOut: true });
    expect(limiter.check("someone-new", "198.51.100.1")).toEqual({ allowed: true });
  });

  it("forgets an address's failures older than its window", () => {
    const { limiter, clock } = limiterAt();
    for (let attempt = 1; attempt <= 29; attempt++) limiter.failed(`user-${attempt}`, "203.0.113.9");
    clock.now += 16 * 60_000;
    expect(limiter.failed("one-more", "203.0.113.9")).toBeUndefined();
  });

  it("keeps at most 10,000 counters, however many usernames are made up", () => {
    const { limiter } = limiterAt();
    for (let index = 0; index < 25_000; index++) limiter.failed(`made-up-${index}`, undefined);
    expect((limiter as unknown as { counters: Map<string, unknown> }).counters.size).toBeLessThanOrEqual(10_000);
  });
});

describe("clientAddress", () => {
  it("is the last address the nearest proxy added", () => {
    expect(clientAddress({ "x-forwarded-for": "198.51.100.7, 10.0.0.2" })).toBe("10.0.0.2");
    expect(clientAddress({ "x-forwarded-for": "::1" })).toBe("::1");
    expect(clientAddress({})).toBeUndefined();
  });
});

describe("refusalCode", () => {
  it("says whether it is a lockout or a wait, in whole seconds", () => {
    expect(refusalCode({ allowed: false, lockedOut: true, retryAfterMs: 299_001 })).toBe("SignInLocked:300");
    expect(refusalCode({ allowed: false, lockedOut: false, retryAfterMs: 10 })).toBe("SignInTooSoon:1");
  });
});
