import * as ecs from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import { ThrottlingError } from "../protocols/aws-error";
import type { RequestContext } from "../protocols/operation";
import { bucketLimits, createEcsThrottle, throttleCategoryOf, TokenBucket } from "./throttling";

/** A clock the test moves by hand, in milliseconds. */
function fakeTime() {
  let ms = 1_000;
  return { now: () => ms, advance: (by: number) => (ms += by) };
}

const context = (operation: string, region = "us-east-1"): RequestContext => ({
  requestId: "r",
  operation,
  accountId: "000000000000",
  region,
});

/** How many calls in a row pass before the first throttle. */
function passesBeforeThrottle(check: (ctx: RequestContext) => void, ctx: RequestContext, limit = 1_000): number {
  for (let i = 0; i < limit; i++) {
    try {
      check(ctx);
    } catch (error) {
      expect(error).toBeInstanceOf(ThrottlingError);
      return i;
    }
  }
  return limit;
}

describe("operation categories", () => {
  it("gives every operation of the ECS SDK a category", () => {
    const operations = Object.keys(ecs)
      .filter((name) => /^[A-Z][A-Za-z]+Command$/.test(name))
      .map((name) => name.slice(0, -"Command".length));
    expect(operations.length).toBeGreaterThan(60);
    expect(operations.filter((operation) => throttleCategoryOf(operation) === undefined)).toEqual([]);
  });

  it.each([
    ["DescribeClusters", "clusterRead"],
    ["ListClusters", "clusterRead"],
    ["DescribeServices", "serviceRead"],
    ["ListServices", "serviceRead"],
    ["DescribeTasks", "clusterResourceRead"],
    ["ListTasks", "clusterResourceRead"],
    ["DescribeServiceDeployments", "serviceDeploymentRead"],
    ["DescribeServiceRevisions", "serviceRevisionRead"],
    ["UpdateService", "serviceModify"],
    ["RunTask", "clusterResourceModify"],
    ["StopTask", "clusterResourceModify"],
    ["DescribeTaskDefinition", "taskDefinitionRead"],
    ["RegisterTaskDefinition", "taskDefinitionModify"],
  ])("puts %s in %s", (operation, category) => {
    expect(throttleCategoryOf(operation)).toBe(category);
  });

  it("uses the burst and sustained rates of the spec", () => {
    expect(bucketLimits("clusterRead", "on")).toEqual({ burst: 50, sustained: 20 });
    expect(bucketLimits("serviceRead", "on")).toEqual({ burst: 100, sustained: 20 });
    expect(bucketLimits("clusterResourceRead", "on")).toEqual({ burst: 100, sustained: 20 });
    expect(bucketLimits("serviceDeploymentRead", "on")).toEqual({ burst: 50, sustained: 20 });
    expect(bucketLimits("serviceRevisionRead", "on")).toEqual({ burst: 50, sustained: 20 });
    expect(bucketLimits("serviceModify", "on")).toEqual({ burst: 50, sustained: 5 });
    expect(bucketLimits("clusterResourceModify", "on")).toEqual({ burst: 100, sustained: 40 });
    expect(bucketLimits("taskDefinitionRead", "on")).toEqual({ burst: 50, sustained: 20 });
    expect(bucketLimits("taskDefinitionModify", "on")).toEqual({ burst: 20, sustained: 1 });
  });

  it("divides by ten in tight mode, never below one", () => {
    expect(bucketLimits("clusterRead", "tight")).toEqual({ burst: 5, sustained: 2 });
    expect(bucketLimits("serviceModify", "tight")).toEqual({ burst: 5, sustained: 1 });
    expect(bucketLimits("taskDefinitionModify", "tight")).toEqual({ burst: 2, sustained: 1 });
  });
});

describe("TokenBucket", () => {
  it("allows the burst at once, then refills at the sustained rate up to the burst", () => {
    const time = fakeTime();
    const bucket = new TokenBucket(50, 20, time.now);
    for (let i = 0; i < 50; i++) expect(bucket.tryTake()).toBe(true);
    expect(bucket.tryTake()).toBe(false);
    time.advance(49);
    expect(bucket.tryTake()).toBe(false);
    time.advance(1); // 50 ms at 20/s is one token
    expect(bucket.tryTake()).toBe(true);
    expect(bucket.tryTake()).toBe(false);
    time.advance(60_000); // a long idle spell fills it to the burst, no further
    let taken = 0;
    while (bucket.tryTake()) taken++;
    expect(taken).toBe(50);
  });
});

describe("createEcsThrottle", () => {
  it("never throttles when off", () => {
    const throttle = createEcsThrottle({ mode: "off" }, fakeTime().now);
    expect(passesBeforeThrottle(throttle, context("ListClusters"))).toBe(1_000);
  });

  it("throttles after the real burst when on, and recovers as time passes", () => {
    const time = fakeTime();
    const throttle = createEcsThrottle({ mode: "on" }, time.now);
    expect(passesBeforeThrottle(throttle, context("DescribeClusters"))).toBe(50);
    time.advance(1_000);
    expect(passesBeforeThrottle(throttle, context("DescribeClusters"))).toBe(20);
  });

  it("throws ThrottlingException with ECS's message", () => {
    const throttle = createEcsThrottle({ mode: "tight" }, fakeTime().now);
    for (let i = 0; i < 2; i++) throttle(context("RegisterTaskDefinition"));
    expect(() => throttle(context("RegisterTaskDefinition"))).toThrow(
      expect.objectContaining({ code: "ThrottlingException", message: "Rate exceeded", statusCode: 400 }),
    );
  });

  it("shares one bucket between the operations of a category", () => {
    const throttle = createEcsThrottle({ mode: "tight" }, fakeTime().now);
    for (let i = 0; i < 3; i++) throttle(context("DescribeClusters"));
    expect(passesBeforeThrottle(throttle, context("ListClusters"))).toBe(2);
  });

  it("keeps separate buckets per category and per region", () => {
    const throttle = createEcsThrottle({ mode: "tight" }, fakeTime().now);
    expect(passesBeforeThrottle(throttle, context("ListClusters"))).toBe(5);
    expect(passesBeforeThrottle(throttle, context("ListServices"))).toBe(10);
    expect(passesBeforeThrottle(throttle, context("ListClusters", "eu-west-1"))).toBe(5);
  });

  it("lets operations it does not know through", () => {
    const throttle = createEcsThrottle({ mode: "tight" }, fakeTime().now);
    expect(passesBeforeThrottle(throttle, context("NotAnEcsOperation"), 100)).toBe(100);
  });
});
