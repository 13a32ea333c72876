import { describe, expect, it } from "vitest";
import { AwsError } from "../protocols/aws-error";
import type { RequestContext } from "../protocols/operation";
import { chainBeforeOperation, createFaultInjector } from "./fault-injection";

const ctx: RequestContext = { requestId: "r", region: "us-east-1", accountId: "000000000000", operation: "ListClusters" };
const serverError = () => new AwsError("ServerException", "Service unavailable. Try again later.", 500);

describe("API fault injection", () => {
  it("is absent when no fault is asked for", () => {
    expect(createFaultInjector({}, serverError)).toBeUndefined();
  });

  it("fails the configured share of calls with the service's 5xx error", async () => {
    let i = 0;
    const sequence = [0.1, 0.3, 0.5, 0.7, 0.9];
    const inject = createFaultInjector({ errorRate: 0.4 }, serverError, () => sequence[i++ % sequence.length])!;
    const outcomes: string[] = [];
    for (let n = 0; n < 5; n++) {
      try {
        await inject(ctx);
        outcomes.push("ok");
      } catch (error) {
        outcomes.push((error as AwsError).code);
      }
    }
    expect(outcomes).toEqual(["ServerException", "ServerException", "ok", "ok", "ok"]);
  });

  it("delays calls by the configured latency", async () => {
    const inject = createFaultInjector({ latencyMs: 60 }, serverError)!;
    const started = performance.now();
    await inject(ctx);
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
  });

  it("chains hooks in order and stops at the first that throws", async () => {
    const calls: string[] = [];
    const chained = chainBeforeOperation(
      () => void calls.push("throttle"),
      undefined,
      () => {
        calls.push("faults");
        throw serverError();
      },
      () => void calls.push("never"),
    )!;
    await expect(chained(ctx)).rejects.toThrow("Service unavailable");
    expect(calls).toEqual(["throttle", "faults"]);
  });
});
