import { ECSClient, ListClustersCommand, ListServiceDeploymentsCommand } from "@aws-sdk/client-ecs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "./harness";

let local: TestEmulator;
beforeAll(async () => {
  local = await startTestEmulator();
});
afterAll(() => local.stop());

async function post(headers: Record<string, string>, body: string) {
  const response = await fetch(local.emulator.endpoint, { method: "POST", headers, body });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

const LIST_CLUSTERS = { "x-amz-target": "AmazonEC2ContainerServiceV20141113.ListClusters", "content-type": "application/x-amz-json-1.1" };

describe("the AWS JSON 1.1 endpoint", () => {
  it("answers an unimplemented operation in one standard way, with a request id", async () => {
    const response = await post(
      { "x-amz-target": "AmazonEC2ContainerServiceV20141113.DescribeCapacityProviders", "content-type": "application/x-amz-json-1.1" },
      "{}",
    );
    expect(response.status).toBe(400);
    expect(response.headers.get("x-amzn-requestid")).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get("x-amzn-errortype")).toBe("UnknownOperationException");
    expect(JSON.parse(response.body)).toEqual({
      __type: "UnknownOperationException",
      message: "Local ECS does not implement ECS operation DescribeCapacityProviders.",
    });
  });

  it("rejects a body that is not JSON with SerializationException", async () => {
    const response = await post(
      { "x-amz-target": "AmazonEC2ContainerServiceV20141113.ListClusters", "content-type": "application/x-amz-json-1.1" },
      "{not json",
    );
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body).__type).toBe("SerializationException");
  });

  it("answers a body of 4,000,000 nested arrays (8 MB) within a second with SerializationException", async () => {
    const started = performance.now();
    const response = await post(LIST_CLUSTERS, `{"x":${"[".repeat(4_000_000)}${"]".repeat(4_000_000)}}`);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toEqual({ __type: "SerializationException", message: "Request body nests more than 64 levels deep." });
  });

  it("takes nesting up to 64 levels, and brackets inside strings as text", async () => {
    expect((await post(LIST_CLUSTERS, `{"x":${"[".repeat(63)}${"]".repeat(63)}}`)).status).toBe(200);
    expect((await post(LIST_CLUSTERS, `{"x":${"[".repeat(64)}${"]".repeat(64)}}`)).status).toBe(400);
    expect((await post(LIST_CLUSTERS, `{"x":"${"[{".repeat(100)}\\\"${"[".repeat(100)}"}`)).status).toBe(200);
  });

  it("says which services it serves when no service matches", async () => {
    const response = await post({ "content-type": "application/x-amz-json-1.1" }, "{}");
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body).__type).toBe("UnknownServiceException");
  });
});

describe("an endpoint without some ECS operations", () => {
  it("answers them as an older partition does, through the SDK, and the rest as usual", async () => {
    const older = await startTestEmulator({ withoutEcsOperations: ["ListServiceDeployments"] });
    try {
      const ecs = new ECSClient({ endpoint: older.emulator.endpoint, region: "us-east-1", credentials: { accessKeyId: "t", secretAccessKey: "t" } });
      await expect(ecs.send(new ListServiceDeploymentsCommand({ cluster: "default", service: "web" }))).rejects.toMatchObject({ name: "UnknownOperationException" });
      expect((await ecs.send(new ListClustersCommand({}))).clusterArns).toEqual([]);
    } finally {
      await older.stop();
    }
  });
});
