import { CreateClusterCommand, DescribeClustersCommand, ListClustersCommand, ListTagsForResourceCommand } from "@aws-sdk/client-ecs";
import { afterEach, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "./harness";

let local: TestEmulator | undefined;
afterEach(async () => {
  await local?.stop();
  local = undefined;
});

/**
 * Calls until the first failure and returns how many passed, and the failure. Buckets refill in
 * real time, so a slow machine may squeeze in a call or two beyond the burst.
 */
async function callsBeforeThrottle(call: () => Promise<unknown>, limit = 40): Promise<{ passed: number; error: Error }> {
  for (let passed = 0; passed < limit; passed++) {
    try {
      await call();
    } catch (error) {
      return { passed, error: error as Error };
    }
  }
  throw new Error(`no call was throttled in ${limit}`);
}

describe("throttling", () => {
  it("is off by default", async () => {
    local = await startTestEmulator();
    for (let i = 0; i < 60; i++) await local.ecs.send(new DescribeClustersCommand({}));
  });

  it("answers ThrottlingException, Rate exceeded, once a tight bucket's burst is spent", async () => {
    local = await startTestEmulator({ throttling: "tight" });
    const ecs = local.ecs;
    const { passed, error } = await callsBeforeThrottle(() => ecs.send(new ListClustersCommand({})));
    expect(passed).toBeGreaterThanOrEqual(5);
    expect(passed).toBeLessThan(10);
    expect(error.name).toBe("ThrottlingException");
    expect(error.message).toBe("Rate exceeded");
    expect((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode).toBe(400);
  });

  it("throttles a category as one bucket, and leaves other categories alone", async () => {
    local = await startTestEmulator({ throttling: "tight" });
    const ecs = local.ecs;
    const { cluster } = await ecs.send(new CreateClusterCommand({ clusterName: "busy" }));
    await callsBeforeThrottle(() => ecs.send(new DescribeClustersCommand({ clusters: ["busy"] })));
    expect((await callsBeforeThrottle(() => ecs.send(new ListClustersCommand({})))).passed).toBeLessThan(3);
    const tags = await ecs.send(new ListTagsForResourceCommand({ resourceArn: cluster!.clusterArn }));
    expect(tags.tags).toEqual([]);
  });

  it("lets calls through again as the bucket refills", async () => {
    local = await startTestEmulator({ throttling: "tight" });
    const ecs = local.ecs;
    await callsBeforeThrottle(() => ecs.send(new ListClustersCommand({})));
    // The tight cluster-read bucket refills 2 tokens a second.
    await new Promise((resolve) => setTimeout(resolve, 600));
    await expect(ecs.send(new ListClustersCommand({}))).resolves.toMatchObject({ clusterArns: [] });
  });
});
