import { createServer } from "node:net";
import {
  AccessDeniedException,
  ClientException,
  ClusterNotFoundException,
  ECSServiceException,
  InvalidParameterException,
  ListClustersCommand,
} from "@aws-sdk/client-ecs";
import { TargetGroupNotFoundException } from "@aws-sdk/client-elastic-load-balancing-v2";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, expectTypeOf, it, vi } from "vitest";
import { AWS_ERROR_TEXT } from "@/lib/aws-errors";
import { describeClusters } from "./batching";
import { destroyClients } from "./clients";
import { InvalidConnectionError } from "./connection";
import { listClusterArns, listServiceArns } from "./ecs-lists";
import { describeAllTargetGroups } from "./elb-lists";
import { settle, toAwsFailure } from "./errors";
import { TargetConfigError } from "./target";
import { CONNECTION, forgetEndpoint, startCountedLocalEcs, useEndpoint, type CountedLocalEcs } from "./test-local-ecs";

const metadata = { httpStatusCode: 400, requestId: "req-123" };

describe("toAwsFailure", () => {
  it("maps the SDK's exceptions by name, keeping AWS's message and request id", () => {
    expect(toAwsFailure(new ClusterNotFoundException({ message: "Cluster not found.", $metadata: metadata }))).toEqual({
      code: "not-found",
      message: AWS_ERROR_TEXT["not-found"].message,
      detail: "Cluster not found.",
      awsCode: "ClusterNotFoundException",
      requestId: "req-123",
    });
    expect(toAwsFailure(new AccessDeniedException({ message: "not authorized", $metadata: metadata })).code).toBe("access-denied");
    expect(toAwsFailure(new InvalidParameterException({ message: "bad", $metadata: metadata })).code).toBe("invalid-input");
    expect(toAwsFailure(new ClientException({ message: "Unable to describe task definition.", $metadata: metadata })).code).toBe("invalid-input");
    expect(toAwsFailure(new TargetGroupNotFoundException({ message: "One or more target groups not found", $metadata: metadata })).code).toBe(
      "not-found",
    );
  });

  it("maps error names the SDK has no class for, as ECS's ThrottlingException", () => {
    const throttled = new ECSServiceException({ name: "ThrottlingException", $fault: "client", message: "Rate exceeded", $metadata: metadata });
    expect(toAwsFailure(throttled)).toMatchObject({ code: "throttled", awsCode: "ThrottlingException", detail: "Rate exceeded" });
  });

  it("calls network failures unreachable, naming the network's code", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), { code: "ECONNREFUSED" });
    expect(toAwsFailure(refused)).toMatchObject({ code: "unreachable", awsCode: "ECONNREFUSED" });
    const everyAddress = new AggregateError([Object.assign(new Error("connect ECONNREFUSED ::1:9"), { code: "ECONNREFUSED" }), refused]);
    expect(toAwsFailure(everyAddress)).toMatchObject({ code: "unreachable", awsCode: "ECONNREFUSED" });
    expect(toAwsFailure(Object.assign(new Error("getaddrinfo ENOTFOUND ecs.xx-nowhere-1.amazonaws.com"), { code: "ENOTFOUND" })).code).toBe("unreachable");
    expect(toAwsFailure(Object.assign(new Error("Connection timed out after 1000 ms"), { name: "TimeoutError" })).code).toBe("unreachable");
  });

  it("falls back on the HTTP status for names it does not know", () => {
    const withStatus = (httpStatusCode: number, $fault: "client" | "server") =>
      new ECSServiceException({ name: "SomethingNew", $fault, message: "?", $metadata: { httpStatusCode } });
    expect(toAwsFailure(withStatus(503, "server")).code).toBe("unreachable");
    expect(toAwsFailure(withStatus(403, "client")).code).toBe("access-denied");
    expect(toAwsFailure(withStatus(429, "client")).code).toBe("throttled");
    expect(toAwsFailure(withStatus(400, "client")).code).toBe("invalid-input");
  });

  it("calls missing credentials access denied, and a bad connection invalid input", () => {
    const noCredentials = Object.assign(new Error("Could not load credentials from any providers"), { name: "CredentialsProviderError" });
    expect(toAwsFailure(noCredentials).code).toBe("access-denied");
    expect(toAwsFailure(new InvalidConnectionError('"nowhere" is not an AWS region.')).code).toBe("invalid-input");
  });

  it("keeps what it cannot classify as unknown, with whatever detail there is", () => {
    expect(toAwsFailure(new TargetConfigError("Local mode only talks to loopback"))).toMatchObject({
      code: "unknown",
      awsCode: "TargetConfigError",
      detail: "Local mode only talks to loopback",
    });
    expect(toAwsFailure("boom")).toEqual({ code: "unknown", message: AWS_ERROR_TEXT.unknown.message, detail: "boom" });
    expect(toAwsFailure(undefined)).toEqual({ code: "unknown", message: AWS_ERROR_TEXT.unknown.message });
  });
});

describe("settle", () => {
  it("returns each read's value or its failure, in order", async () => {
    const results = await settle([Promise.resolve(1), Promise.reject(new ClusterNotFoundException({ message: "Cluster not found.", $metadata: metadata })), Promise.resolve("three")]);
    expect(results[0]).toEqual({ ok: true, value: 1 });
    expect(results[1]).toMatchObject({ ok: false, error: { code: "not-found" } });
    expect(results[2]).toEqual({ ok: true, value: "three" });
    // Each position keeps its own type, as with Promise.all.
    if (results[2].ok) expectTypeOf(results[2].value).toEqualTypeOf<string>();
  });
});

/** A loopback port with nothing listening on it. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe("errors from local ECS", () => {
  let local: CountedLocalEcs;

  beforeAll(async () => {
    local = await startCountedLocalEcs();
  });
  afterAll(() => local.stop());
  beforeEach(() => useEndpoint(local.emulator.endpoint));
  afterEach(forgetEndpoint);

  it("an unknown cluster is not found, with ECS's message and request id", async () => {
    const [result] = await settle([listServiceArns(CONNECTION, { cluster: "no-such-cluster" })]);
    expect(result).toMatchObject({ ok: false, error: { code: "not-found", awsCode: "ClusterNotFoundException", detail: "Cluster not found." } });
    expect(result.ok ? undefined : result.error.requestId).toMatch(/\S/);
  });

  it("an unknown target group is not found (ELBv2, over the Query protocol)", async () => {
    const arn = "arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/ghost/0123456789abcdef";
    const [result] = await settle([describeAllTargetGroups(CONNECTION, { TargetGroupArns: [arn] })]);
    expect(result).toMatchObject({ ok: false, error: { code: "not-found", awsCode: "TargetGroupNotFoundException" } });
  });

  it("one missing cluster does not fail the page: the other's results stay", async () => {
    const [clusters, services] = await settle([describeClusters(CONNECTION, ["default"]), listServiceArns(CONNECTION, { cluster: "gone" })]);
    expect(clusters).toMatchObject({ ok: true, value: { clusters: [], failures: [{ reason: "MISSING" }] } });
    expect(services).toMatchObject({ ok: false, error: { code: "not-found" } });
  });

  it("a refused connection is unreachable", async () => {
    useEndpoint(`http://127.0.0.1:${await closedPort()}`);
    const [result] = await settle([listClusterArns(CONNECTION)]);
    expect(result).toMatchObject({ ok: false, error: { code: "unreachable", awsCode: "ECONNREFUSED" } });
  });
});

describe("throttling by local ECS", () => {
  let local: CountedLocalEcs;

  // A fresh local ECS each, so every test starts with a full rate-limit bucket.
  beforeEach(async () => {
    local = await startCountedLocalEcs({ throttling: "tight" });
    useEndpoint(local.emulator.endpoint);
  });
  afterEach(async () => {
    forgetEndpoint();
    await local.stop();
  });

  it("a throttled read is throttled", async () => {
    // No retries (the SDK's own AWS_MAX_ATTEMPTS), so the first throttle is the answer.
    vi.stubEnv("AWS_MAX_ATTEMPTS", "1");
    destroyClients();
    const [outcome] = await settle([drainClusterReads(local)]);
    expect(outcome.ok).toBe(true);
    const [result] = await settle([listClusterArns(CONNECTION)]);
    expect(result).toMatchObject({
      ok: false,
      error: { code: "throttled", awsCode: "ThrottlingException", detail: "Rate exceeded", message: AWS_ERROR_TEXT.throttled.message },
    });
  });

  it("the SDK's adaptive retry rides out a burst beyond the rate limit; what still fails is throttled, and the rest render", async () => {
    // Distinct questions, so none is shared; the tight bucket allows 5 at once and 2 a second.
    const results = await settle(Array.from({ length: 8 }, (_, i) => describeClusters(CONNECTION, [`cluster-${i}`])));
    expect(local.calls("DescribeClusters")).toBeGreaterThan(8);
    expect(results.filter((result) => result.ok).length).toBeGreaterThanOrEqual(5);
    for (const result of results) if (!result.ok) expect(result.error.code).toBe("throttled");
  });
});

/** Spends the cluster-read bucket through the harness's own client, which does not retry. */
async function drainClusterReads(local: CountedLocalEcs): Promise<void> {
  for (let i = 0; i < 50; i++) {
    try {
      await local.ecs.send(new ListClustersCommand({}));
    } catch {
      return;
    }
  }
  throw new Error("local ECS did not throttle");
}
