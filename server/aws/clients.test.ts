import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GetMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import { ListClustersCommand } from "@aws-sdk/client-ecs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { cachedConnectionCount, cloudWatchClient, destroyClients, ecsClient, elbClient, MAX_CACHED_CONNECTIONS } from "./clients";
import { listClusterArns } from "./ecs-lists";
import { describeAllLoadBalancers } from "./elb-lists";
import { awsCallCounts } from "./instrumentation";
import { readCloudWatch } from "./reads";
import { CONNECTION, type CountedLocalEcs, measureEachTestAgainst, startCountedLocalEcs } from "./test-local-ecs";

let local: CountedLocalEcs;
let configRoot: string;

beforeAll(async () => {
  local = await startCountedLocalEcs();
  configRoot = mkdtempSync(join(tmpdir(), "slipway-aws-config-"));
});
afterAll(async () => {
  await local.stop();
  rmSync(configRoot, { recursive: true, force: true });
});
measureEachTestAgainst(() => local);

/**
 * Shared config files of our own, so the machine's ~/.aws and AWS_* variables play no part.
 * A new directory each time: the SDK caches what it read from a path for the process's life.
 */
function useSharedConfig(config: string, credentials = ""): void {
  const dir = mkdtempSync(join(configRoot, "files-"));
  writeFileSync(join(dir, "config"), config);
  writeFileSync(join(dir, "credentials"), credentials);
  vi.stubEnv("AWS_CONFIG_FILE", join(dir, "config"));
  vi.stubEnv("AWS_SHARED_CREDENTIALS_FILE", join(dir, "credentials"));
  for (const name of ["AWS_PROFILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"]) vi.stubEnv(name, undefined);
}

describe("clients", () => {
  it("keeps one client per connection and service", () => {
    expect(ecsClient(CONNECTION)).toBe(ecsClient({ region: "us-east-1" }));
    expect(ecsClient(CONNECTION)).not.toBe(ecsClient({ region: "us-east-1", profile: "staging" }));
    expect(ecsClient(CONNECTION)).not.toBe(ecsClient({ region: "eu-west-1" }));
    const before = ecsClient(CONNECTION);
    destroyClients();
    expect(ecsClient(CONNECTION)).not.toBe(before);
  });

  it("keeps the clients of at most 32 connections, destroying those of the least recently used", () => {
    destroyClients();
    const [ecs, elb, cloudWatch] = [ecsClient(CONNECTION), elbClient(CONNECTION), cloudWatchClient(CONNECTION)];
    const destroyed = [ecs, elb, cloudWatch].map((client) => vi.spyOn(client, "destroy"));
    for (let index = 1; index < MAX_CACHED_CONNECTIONS; index++) ecsClient({ region: "us-east-1", profile: `p${index}` });
    expect(cachedConnectionCount()).toBe(32);

    // A use makes it the most recent: the next connection evicts p1 instead.
    expect(ecsClient(CONNECTION)).toBe(ecs);
    ecsClient({ region: "eu-west-1" });
    expect(cachedConnectionCount()).toBe(32);
    for (const destroy of destroyed) expect(destroy).not.toHaveBeenCalled();

    for (let index = 0; index < MAX_CACHED_CONNECTIONS; index++) elbClient({ region: "eu-west-2", profile: `q${index}` });
    expect(cachedConnectionCount()).toBe(32);
    for (const destroy of destroyed) expect(destroy).toHaveBeenCalledTimes(1);
    expect(ecsClient(CONNECTION)).not.toBe(ecs);
  });

  it("uses the SDK's adaptive retry with its default of 3 attempts", async () => {
    for (const client of [ecsClient(CONNECTION), elbClient(CONNECTION), cloudWatchClient(CONNECTION)]) {
      const strategy = await client.config.retryStrategy();
      expect("mode" in strategy ? strategy.mode : undefined).toBe("adaptive");
      expect(await client.config.maxAttempts()).toBe(3);
    }
  });

  it("refuses a region that is not one", () => {
    expect(() => ecsClient({ region: "evil.example.com#" })).toThrow(/not an AWS region/);
    expect(() => elbClient({ region: "us-east-1", profile: "a b" })).toThrow(/not a profile name/);
  });

  it("counts every request sent, per service and operation", async () => {
    await listClusterArns(CONNECTION);
    await describeAllLoadBalancers(CONNECTION);
    await ecsClient(CONNECTION).send(new ListClustersCommand({ maxResults: 1 }));
    expect(awsCallCounts()).toEqual({ "ecs:ListClusters": 2, "elbv2:DescribeLoadBalancers": 1 });
    expect(local.calls("ListClusters")).toBe(2);
    expect(local.calls("DescribeLoadBalancers")).toBe(1);
  });

  it("reads CloudWatch from local ECS too, counted as cloudwatch:GetMetricData and shared by identical reads", async () => {
    const window = { StartTime: new Date(Date.now() - 3_600_000), EndTime: new Date() };
    const query = { Id: "r", MetricStat: { Metric: { Namespace: "AWS/ApplicationELB", MetricName: "RequestCount" }, Period: 60, Stat: "Sum" } };
    const [first, second] = await Promise.all([
      readCloudWatch(CONNECTION, new GetMetricDataCommand({ ...window, MetricDataQueries: [query] })),
      readCloudWatch(CONNECTION, new GetMetricDataCommand({ ...window, MetricDataQueries: [query] })),
    ]);
    expect(first.MetricDataResults).toEqual([expect.objectContaining({ Id: "r", StatusCode: "Complete" })]);
    expect(second).toBe(first);
    expect(awsCallCounts()).toEqual({ "cloudwatch:GetMetricData": 1 });
    expect(local.calls("GetMetricData")).toBe(1);
  });
});

describe("local and AWS targets", () => {
  it("signs local requests with dummy credentials, never the developer's", async () => {
    vi.stubEnv("AWS_ACCESS_KEY_ID", "AKIADEVELOPER");
    vi.stubEnv("AWS_SECRET_ACCESS_KEY", "developer-secret");
    expect(await ecsClient(CONNECTION).config.credentials()).toMatchObject({ accessKeyId: "local-ecs" });
  });

  it("leaves AWS credentials to the standard chain, from the profile chosen", async () => {
    useSharedConfig("[profile staging]\nregion = eu-west-1\n", "[staging]\naws_access_key_id = AKIASTAGING\naws_secret_access_key = s\n");
    vi.stubEnv("SLIPWAY_TARGET", "aws");
    destroyClients();
    expect(await ecsClient({ region: "eu-west-1", profile: "staging" }).config.credentials()).toMatchObject({ accessKeyId: "AKIASTAGING" });
  });

  it("refuses to build a local client when the target is misconfigured", () => {
    vi.stubEnv("AWS_ENDPOINT_URL_ECS", "https://ecs.us-east-1.amazonaws.com");
    destroyClients();
    expect(() => ecsClient(CONNECTION)).toThrow(/only talks to loopback/);
  });

  it("in local mode stops a request bound for real AWS even when config files steer the SDK there", async () => {
    // The shared config can make the SDK ignore the endpoint variables, which target.ts cannot see.
    useSharedConfig("[default]\nignore_configured_endpoint_urls = true\n");
    destroyClients();
    await expect(listClusterArns(CONNECTION)).rejects.toMatchObject({
      name: "TargetConfigError",
      message: expect.stringMatching(/refused a request to ecs\.us-east-1\.amazonaws\.com/),
    });
    expect(awsCallCounts()).toEqual({});
    const query = { Id: "r", MetricStat: { Metric: { Namespace: "AWS/ApplicationELB", MetricName: "RequestCount" }, Period: 60, Stat: "Sum" } };
    await expect(cloudWatchClient(CONNECTION).send(new GetMetricDataCommand({ StartTime: new Date(0), EndTime: new Date(), MetricDataQueries: [query] }))).rejects.toMatchObject({
      name: "TargetConfigError",
      message: expect.stringMatching(/refused a request to monitoring\.us-east-1\.amazonaws\.com/),
    });
  });
});
