import { DescribeClustersCommand, ListClustersCommand } from "@aws-sdk/client-ecs";
import { DescribeTagsCommand } from "@aws-sdk/client-elastic-load-balancing-v2";
import { request } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { freePort, killHard, startChildEmulator } from "./child-emulator";
import { createAlb } from "./elbv2-fixtures";
import { ecsClientFor, startTestEmulator, type TestEmulator } from "./harness";

/**
 * A web page open in the user's browser must not reach local ECS, which takes any credentials:
 * not by rebinding its own name to 127.0.0.1 (DNS rebinding), nor by posting a form to it.
 * Raw HTTP, to send the Host, Origin and Sec-Fetch-Site headers a browser would.
 */
let local: TestEmulator;
let port: number;
beforeAll(async () => {
  local = await startTestEmulator();
  port = local.emulator.port;
});
afterAll(() => local.stop());

const LIST_CLUSTERS = { "content-type": "application/x-amz-json-1.1", "x-amz-target": "AmazonEC2ContainerServiceV20141113.ListClusters" };
const FORM = { "content-type": "application/x-www-form-urlencoded" };

function send(options: { headers: Record<string, string>; body?: string; method?: string; to?: number }): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port: options.to ?? port, method: options.method ?? "POST", path: "/", headers: options.headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (text: string) => (body += text));
      res.on("end", () => resolve({ status: res.statusCode!, body }));
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

describe("a request for another host name (DNS rebinding)", () => {
  it("is refused with 403 AccessDenied in the service's protocol, saying how to allow the name", async () => {
    const json = await send({ headers: { ...LIST_CLUSTERS, host: `rebound.example:${port}` }, body: "{}" });
    expect(json.status).toBe(403);
    const error = JSON.parse(json.body);
    expect(error.__type).toBe("AccessDenied");
    expect(error.message).toContain("does not answer requests for host rebound.example");
    expect(error.message).toContain("--allowed-host rebound.example (or set LOCAL_ECS_ALLOWED_HOSTS)");

    const query = await send({ headers: { ...FORM, host: `rebound.example:${port}` }, body: "Action=DescribeLoadBalancers&Version=2015-12-01" });
    expect(query.status).toBe(403);
    expect(query.body).toContain("<Type>Sender</Type><Code>AccessDenied</Code><Message>Local ECS does not answer requests for host rebound.example");

    const health = await send({ method: "GET", headers: { host: `rebound.example:${port}` } });
    expect(health.status).toBe(403);
  });

  it.each(["localhost", "LocalHost.", "127.0.0.1", "[::1]", "demo-1234567890.us-east-1.elb.localhost", "192.168.1.20", "[fd00::1]"])(
    "is answered for %s, a name of this machine or an IP address",
    async (name) => {
      const response = await send({ headers: { ...LIST_CLUSTERS, host: `${name}:${port}` }, body: "{}" });
      expect(response.status).toBe(200);
    },
  );

  it("is answered for a name given in allowedHosts, and the SDK works through http://localhost", async () => {
    const allowing = await startTestEmulator({ allowedHosts: ["ECS.internal"] });
    try {
      const allowed = await send({ to: allowing.emulator.port, headers: { ...LIST_CLUSTERS, host: `ecs.internal:${allowing.emulator.port}` }, body: "{}" });
      expect(allowed.status).toBe(200);
      const other = await send({ to: allowing.emulator.port, headers: { ...LIST_CLUSTERS, host: "other.internal" }, body: "{}" });
      expect(other.status).toBe(403);
    } finally {
      await allowing.stop();
    }
    const ecs = ecsClientFor(`http://localhost:${port}`);
    try {
      expect((await ecs.send(new ListClustersCommand({}))).$metadata.httpStatusCode).toBe(200);
    } finally {
      ecs.destroy();
    }
  });

  it("is answered by `npm run emulator` for names given with --allowed-host and LOCAL_ECS_ALLOWED_HOSTS", async () => {
    vi.stubEnv("LOCAL_ECS_ALLOWED_HOSTS", "env.internal");
    const childPort = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), "local-ecs-allowed-host-"));
    const child = await startChildEmulator(["--no-seed", "--data-dir", dataDir, "--allowed-host", "flag.internal"], childPort).finally(() => vi.unstubAllEnvs());
    try {
      for (const name of ["flag.internal", "env.internal"]) {
        expect((await send({ to: childPort, headers: { ...LIST_CLUSTERS, host: name }, body: "{}" })).status).toBe(200);
      }
      expect((await send({ to: childPort, headers: { ...LIST_CLUSTERS, host: "other.internal" }, body: "{}" })).status).toBe(403);
      expect(child.output()).toContain("API requests for flag.internal, env.internal answered too");
    } finally {
      await killHard(child);
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe("a request from a web page (cross-origin form posts and fetches)", () => {
  it("is refused when a form on another local page posts AddTags, and nothing is tagged", async () => {
    const { LoadBalancerArn } = await createAlb(local.elb, "origin-alb");
    const form = new URLSearchParams({ Action: "AddTags", Version: "2015-12-01", "ResourceArns.member.1": LoadBalancerArn!, "Tags.member.1.Key": "owned", "Tags.member.1.Value": "yes" });
    const response = await send({ headers: { ...FORM, host: `127.0.0.1:${port}`, origin: "http://evil.localhost:8000", "sec-fetch-site": "cross-site" }, body: form.toString() });
    expect(response.status).toBe(403);
    expect(response.body).toContain("<Code>AccessDenied</Code><Message>Local ECS refuses requests from web pages (this one came from http://evil.localhost:8000)");
    const tags = async () => (await local.elb.send(new DescribeTagsCommand({ ResourceArns: [LoadBalancerArn!] }))).TagDescriptions![0].Tags ?? [];
    expect((await tags()).some((tag) => tag.Key === "owned")).toBe(false);

    // The same form without a browser's headers, as the CLI would send it, does tag it.
    const direct = await send({ headers: { ...FORM, host: `127.0.0.1:${port}` }, body: form.toString() });
    expect(direct.status).toBe(200);
    expect((await tags()).some((tag) => tag.Key === "owned")).toBe(true);
  });

  it("is refused in the JSON protocol too, and no cluster is created", async () => {
    const create = { "content-type": "application/x-amz-json-1.1", "x-amz-target": "AmazonEC2ContainerServiceV20141113.CreateCluster" };
    const response = await send({ headers: { ...create, origin: "http://evil.localhost:8000" }, body: `{"clusterName":"from-a-page"}` });
    expect(response.status).toBe(403);
    expect(JSON.parse(response.body).__type).toBe("AccessDenied");
    const { clusters } = await local.ecs.send(new DescribeClustersCommand({ clusters: ["from-a-page"] }));
    expect(clusters).toEqual([]);
  });

  it.each<[string, Record<string, string>]>([
    ["an opaque origin", { origin: "null" }],
    ["a page on the same host but another port", { origin: "http://127.0.0.1:1" }],
    ["Sec-Fetch-Site: cross-site without Origin", { "sec-fetch-site": "cross-site" }],
    ["Sec-Fetch-Site: same-site without Origin", { "sec-fetch-site": "same-site" }],
  ])("is refused with %s", async (_why, headers) => {
    const response = await send({ headers: { ...LIST_CLUSTERS, ...headers }, body: "{}" });
    expect(response.status).toBe(403);
  });

  it("is answered from the endpoint's own origin", async () => {
    const response = await send({ headers: { ...LIST_CLUSTERS, host: `localhost:${port}`, origin: `http://localhost:${port}`, "sec-fetch-site": "same-origin" }, body: "{}" });
    expect(response.status).toBe(200);
  });
});
