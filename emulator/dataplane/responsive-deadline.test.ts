import { describe, expect, it } from "vitest";
import { responsiveDeadline } from "./responsive-deadline";

function blockFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

function expiry(budgetMs: number): { expired: Promise<number>; isExpired: () => boolean; cancel: () => void } {
  let expired = false;
  const started = performance.now();
  let cancel = () => {};
  const promise = new Promise<number>((resolve) => {
    cancel = responsiveDeadline(budgetMs, () => {
      expired = true;
      resolve(performance.now() - started);
    }).cancel;
  });
  return { expired: promise, isExpired: () => expired, cancel };
}

/** One turn of the event loop, timers included. */
const nextTurn = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("responsiveDeadline", () => {
  it("expires once its budget has passed while the process runs freely", async () => {
    const elapsed = await expiry(60).expired;
    expect(elapsed).toBeGreaterThanOrEqual(59);
  });

  it("counts a stall longer than the budget as a moment only", async () => {
    const deadline = expiry(100);
    blockFor(300);
    await nextTurn();
    expect(deadline.isExpired()).toBe(false);
    // Then it runs out as usual.
    expect(await deadline.expired).toBeGreaterThanOrEqual(300);
  });

  it("never fires once cancelled", async () => {
    const deadline = expiry(20);
    deadline.cancel();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(deadline.isExpired()).toBe(false);
  });
});
