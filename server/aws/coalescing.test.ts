import { CreateClusterCommand } from "@aws-sdk/client-ecs";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { describeClusters, describeServices } from "./batching";
import { canonicalJson, configureReadCache, ReadCache } from "./coalescing";
import { readEcs } from "./reads";
import { sendEcs } from "./writes";
import { CONNECTION, forgetEndpoint, startCountedLocalEcs, useEndpoint, type CountedLocalEcs } from "./test-local-ecs";

function fakeClock() {
  let nowMs = 0;
  return { now: () => nowMs, advance: (ms: number) => (nowMs += ms) };
}

/** A read whose answer the test releases, to hold it in flight. */
function pendingRead<T>() {
  let release!: (value: T) => void;
  let fail!: (error: Error) => void;
  const promise = new Promise<T>((resolve, reject) => {
    release = resolve;
    fail = reject;
  });
  return { promise, release, fail };
}

describe("ReadCache", () => {
  it("shares a read in flight, then serves its result until ttlMs has passed", async () => {
    const clock = fakeClock();
    const cache = new ReadCache({ ttlMs: 1000, now: clock.now });
    let calls = 0;
    const read = () => {
      calls++;
      return Promise.resolve(calls);
    };
    expect(await Promise.all([cache.share("k", read), cache.share("k", read), cache.share("k", read)])).toEqual([1, 1, 1]);
    clock.advance(999);
    expect(await cache.share("k", read)).toBe(1);
    clock.advance(1);
    expect(await cache.share("k", read)).toBe(2);
    expect(calls).toBe(2);
  });

  it("counts freshness from the answer, not the question", async () => {
    const clock = fakeClock();
    const cache = new ReadCache({ ttlMs: 1000, now: clock.now });
    const slow = pendingRead<string>();
    const first = cache.share("k", () => slow.promise);
    clock.advance(5000);
    expect(cache.share("k", () => Promise.resolve("second"))).toBe(first);
    slow.release("first");
    await first;
    clock.advance(999);
    expect(await cache.share("k", () => Promise.resolve("third"))).toBe("first");
  });

  it("does not keep failures: everyone waiting gets the error, the next read tries again", async () => {
    const cache = new ReadCache({ ttlMs: 1000, now: fakeClock().now });
    const failing = pendingRead<string>();
    const waiting = [cache.share("k", () => failing.promise), cache.share("k", () => failing.promise)];
    failing.fail(new Error("Rate exceeded"));
    for (const promise of waiting) await expect(promise).rejects.toThrow("Rate exceeded");
    expect(await cache.share("k", () => Promise.resolve("ok"))).toBe("ok");
  });

  it("turns a read that throws at once into a rejection", async () => {
    const cache = new ReadCache({ ttlMs: 1000, now: fakeClock().now });
    await expect(cache.share("k", () => { throw new Error("no client"); })).rejects.toThrow("no client");
    expect(cache.size).toBe(0);
  });

  it("keeps different keys apart, and lets stale entries go", async () => {
    const clock = fakeClock();
    const cache = new ReadCache({ ttlMs: 1000, now: clock.now });
    expect(await cache.share("a", () => Promise.resolve("A"))).toBe("A");
    expect(await cache.share("b", () => Promise.resolve("B"))).toBe("B");
    expect(cache.size).toBe(2);
    clock.advance(2000);
    await cache.share("c", () => Promise.resolve("C"));
    expect(cache.size).toBe(1);
  });

  it("forgets the entries under a prefix, and only those", async () => {
    const cache = new ReadCache({ ttlMs: 1000, now: fakeClock().now });
    let calls = 0;
    const read = () => Promise.resolve(++calls);
    await cache.share("one a", read);
    await cache.share("two a", read);
    cache.forget("one ");
    expect(await cache.share("one a", read)).toBe(3);
    expect(await cache.share("two a", read)).toBe(2);
  });
});

describe("canonicalJson", () => {
  it("makes the same input the same key whatever its key order, and keeps array order", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: undefined } })).toBe(canonicalJson({ a: { d: [2, 1] }, b: 1 }));
    expect(canonicalJson({ a: [1, 2] })).not.toBe(canonicalJson({ a: [2, 1] }));
  });
});

describe("shared reads against local ECS", () => {
  const CLUSTER = "watched";
  let local: CountedLocalEcs;
  const clock = fakeClock();

  beforeAll(async () => {
    local = await startCountedLocalEcs();
    await local.ecs.send(new CreateClusterCommand({ clusterName: CLUSTER }));
  });
  afterAll(() => local.stop());
  beforeEach(() => {
    useEndpoint(local.emulator.endpoint);
    configureReadCache({ now: clock.now });
    local.resetCalls();
  });
  afterEach(forgetEndpoint);

  it("20 people reading the same cluster at once cost 1 call; a read 2 s later costs another", async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => describeClusters(CONNECTION, [CLUSTER])));
    expect(results.every((result) => result.clusters[0].clusterName === CLUSTER)).toBe(true);
    expect(local.calls("DescribeClusters")).toBe(1);
    clock.advance(500);
    await describeClusters(CONNECTION, [CLUSTER]);
    expect(local.calls("DescribeClusters")).toBe(1);
    clock.advance(1500);
    await describeClusters(CONNECTION, [CLUSTER]);
    expect(local.calls("DescribeClusters")).toBe(2);
  });

  it("does not share between connections, or between different questions", async () => {
    await Promise.all([
      describeClusters(CONNECTION, [CLUSTER]),
      describeClusters({ ...CONNECTION, profile: "other" }, [CLUSTER]),
      describeClusters({ region: "eu-west-1" }, [CLUSTER]),
      describeClusters(CONNECTION, [CLUSTER], ["TAGS"]),
    ]);
    expect(local.calls("DescribeClusters")).toBe(4);
  });

  it("does not keep errors: a failed read is asked again", async () => {
    for (let i = 0; i < 2; i++) await expect(describeServices(CONNECTION, "no-such-cluster", ["web"])).rejects.toThrow();
    expect(local.calls("DescribeServices")).toBe(2);
  });

  it("a write through sendEcs makes the next read of its connection go to AWS", async () => {
    await describeClusters(CONNECTION, [CLUSTER]);
    await sendEcs(CONNECTION, new CreateClusterCommand({ clusterName: "written" }));
    const { clusters } = await describeClusters(CONNECTION, [CLUSTER]);
    expect(clusters[0].clusterName).toBe(CLUSTER);
    expect(local.calls("DescribeClusters")).toBe(2);
    expect(local.calls("CreateCluster")).toBe(1);
  });

  it("refuses to share anything but a read", async () => {
    await expect(readEcs(CONNECTION, new CreateClusterCommand({ clusterName: "x" }))).rejects.toThrow(/not a shared read/);
    expect(local.calls("CreateCluster")).toBe(0);
  });
});
