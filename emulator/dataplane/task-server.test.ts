import { Agent, request, type IncomingHttpHeaders } from "node:http";
import { createServer as createTcpServer, type AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { readTaskKnobs } from "./knobs";
import { versionColour } from "./sample-app";
import { seededRandom } from "../test/seeded-random";
import { prefersJson, startTaskServer, type RunningTaskServer, type TaskServerSpec } from "./task-server";

const TASK_ID = "5d1f0c9e8b7a46e2a3c4b5d6e7f80912";
const baseSpec: TaskServerSpec = {
  taskArn: `arn:aws:ecs:us-east-1:000000000000:task/demo/${TASK_ID}`,
  taskDefinitionArn: "arn:aws:ecs:us-east-1:000000000000:task-definition/web:3",
  clusterName: "demo",
  serviceName: "storefront",
  containerName: "web",
  image: "registry.example/web:v2",
  knobs: readTaskKnobs(undefined),
};

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  reusedSocket: boolean;
}

function get(server: RunningTaskServer, path: string, options: { headers?: Record<string, string>; method?: string; agent?: Agent } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: server.host, port: server.port, path, method: options.method ?? "GET", headers: options.headers, agent: options.agent ?? false },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body, reusedSocket: req.reusedSocket }));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

const open: RunningTaskServer[] = [];
async function start(overrides: Partial<TaskServerSpec> = {}): Promise<RunningTaskServer> {
  const server = await startTaskServer({ ...baseSpec, ...overrides });
  open.push(server);
  return server;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

const knobs = (entries: Record<string, string>) => readTaskKnobs(Object.entries(entries).map(([name, value]) => ({ name, value })));
const countResources = (kind: string) => process.getActiveResourcesInfo().filter((r) => r === kind).length;

describe("the sample app page", () => {
  it("serves an HTML page naming the image, revision, task, container, cluster and service", async () => {
    const server = await start();
    const reply = await get(server, "/", { headers: { accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" } });
    expect(reply.status).toBe(200);
    expect(reply.headers["content-type"]).toBe("text/html; charset=utf-8");
    for (const text of ["registry.example/web:v2", "web:3", TASK_ID, "<dd>web</dd>", "<dd>demo</dd>", "<dd>storefront</dd>"]) {
      expect(reply.body).toContain(text);
    }
    expect(reply.body).toContain(versionColour("registry.example/web:v2").background);
  });

  it("labels every response with the task and image, even a 404", async () => {
    const server = await start();
    for (const path of ["/", "/health", "/nope"]) {
      const reply = await get(server, path);
      expect(reply.headers["x-slipway-task"], path).toBe(TASK_ID);
      expect(reply.headers["x-slipway-image"], path).toBe("registry.example/web:v2");
    }
  });

  it("answers JSON to a client that asks for it, stamped by the injected clock", async () => {
    const server = await start({ now: () => new Date("2030-05-06T07:08:09.000Z") });
    const reply = await get(server, "/", { headers: { accept: "application/json" } });
    expect(reply.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(reply.body)).toMatchObject({
      image: "registry.example/web:v2",
      taskArn: baseSpec.taskArn,
      taskDefinitionArn: baseSpec.taskDefinitionArn,
      containerName: "web",
      colour: versionColour("registry.example/web:v2").background,
      servedAt: "2030-05-06T07:08:09.000Z",
    });
  });

  it("answers 404 to other paths and methods", async () => {
    const server = await start();
    expect((await get(server, "/favicon.ico")).status).toBe(404);
    expect((await get(server, "/", { method: "POST" })).status).toBe(404);
  });

  it("answers HEAD without a body", async () => {
    const server = await start();
    const reply = await get(server, "/", { method: "HEAD" });
    expect(reply.status).toBe(200);
    expect(reply.body).toBe("");
  });

  it("keeps connections alive between requests", async () => {
    const server = await start();
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      await get(server, "/", { agent });
      const second = await get(server, "/health", { agent });
      expect(second.reusedSocket).toBe(true);
    } finally {
      agent.destroy();
    }
  });
});

describe("prefersJson", () => {
  it("picks JSON only when it is named and not outranked by HTML", () => {
    expect(prefersJson("application/json")).toBe(true);
    expect(prefersJson("application/json, text/plain, */*")).toBe(true);
    expect(prefersJson("text/html;q=0.5, application/json")).toBe(true);
    expect(prefersJson(undefined)).toBe(false);
    expect(prefersJson("*/*")).toBe(false);
    expect(prefersJson("text/html, application/json")).toBe(false);
    expect(prefersJson("application/json;q=0")).toBe(false);
  });
});

describe("the health endpoint", () => {
  it("answers 200 ok, also with a query string", async () => {
    const server = await start();
    const reply = await get(server, "/health?source=elb");
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ status: "ok" });
  });

  it("answers 503 under SLIPWAY_FAIL_HEALTH_CHECK while the page still works", async () => {
    const server = await start({ knobs: knobs({ SLIPWAY_FAIL_HEALTH_CHECK: "true" }) });
    expect((await get(server, "/health")).status).toBe(503);
    expect((await get(server, "/")).status).toBe(200);
  });
});

describe("SLIPWAY_ERROR_RATE", () => {
  async function errorShare(seed: number, requests: number): Promise<{ share: number; statuses: number[] }> {
    const server = await start({ knobs: knobs({ SLIPWAY_ERROR_RATE: "0.25" }), random: seededRandom(seed) });
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < requests; i++) statuses.push((await get(server, "/", { agent })).status);
      expect(new Set(statuses)).toEqual(new Set([200, 500]));
      return { share: statuses.filter((s) => s === 500).length / requests, statuses };
    } finally {
      agent.destroy();
    }
  }

  it("fails close to the configured share of page requests", async () => {
    const { share } = await errorShare(20240601, 400);
    expect(share).toBeGreaterThan(0.19);
    expect(share).toBeLessThan(0.31);
  });

  it("fails the same requests again with the same seed", async () => {
    const first = await errorShare(7, 60);
    const second = await errorShare(7, 60);
    expect(second.statuses).toEqual(first.statuses);
  });

  it("never fails the health endpoint", async () => {
    const server = await start({ knobs: knobs({ SLIPWAY_ERROR_RATE: "1" }) });
    expect((await get(server, "/")).status).toBe(500);
    for (let i = 0; i < 20; i++) expect((await get(server, "/health")).status).toBe(200);
  });
});

describe("SLIPWAY_RESPONSE_DELAY_MS", () => {
  it("slows page responses but not health checks", async () => {
    const server = await start({ knobs: knobs({ SLIPWAY_RESPONSE_DELAY_MS: "150" }) });
    let started = performance.now();
    expect((await get(server, "/")).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    started = performance.now();
    await get(server, "/health");
    expect(performance.now() - started).toBeLessThan(140);
  });

  it("does not hold up close(): waiting clients are cut off at once", async () => {
    const server = await startTaskServer({ ...baseSpec, knobs: knobs({ SLIPWAY_RESPONSE_DELAY_MS: "60000" }) });
    const pending = get(server, "/");
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = performance.now();
    await server.close();
    await expect(pending).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe("ports", () => {
  it("binds the preferred port again after a restart", async () => {
    const first = await startTaskServer(baseSpec);
    const agent = new Agent({ keepAlive: true });
    await get(first, "/", { agent });
    await first.close();
    agent.destroy();
    const second = await start({ preferredPort: first.port });
    expect(second.port).toBe(first.port);
    expect((await get(second, "/health")).status).toBe(200);
  });

  it("falls back to a free port when the preferred one is taken", async () => {
    const squatter = createTcpServer();
    await new Promise<void>((resolve) => squatter.listen(0, "127.0.0.1", resolve));
    const taken = (squatter.address() as AddressInfo).port;
    try {
      const server = await start({ preferredPort: taken });
      expect(server.port).not.toBe(taken);
      expect((await get(server, "/health")).status).toBe(200);
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  });

  it("can be closed twice", async () => {
    const server = await startTaskServer(baseSpec);
    await server.close();
    await expect(server.close()).resolves.toBeUndefined();
  });
});

describe("many task servers", () => {
  it("starts, serves and closes 500 servers quickly, leaving no server or socket behind", async () => {
    const serversBefore = countResources("TCPServerWrap");
    const socketsBefore = countResources("TCPSocketWrap");
    const started = performance.now();
    const servers = await Promise.all(
      Array.from({ length: 500 }, (_, i) => startTaskServer({ ...baseSpec, taskArn: `${baseSpec.taskArn}${i}` })),
    );
    expect(countResources("TCPServerWrap")).toBe(serversBefore + 500);
    // Each server is left with an idle keep-alive connection, which close() must not wait for.
    const agent = new Agent({ keepAlive: true });
    const replies = await Promise.all(servers.map((server) => get(server, "/health", { agent })));
    expect(replies.every((r) => r.status === 200)).toBe(true);
    await Promise.all(servers.map((server) => server.close()));
    expect(performance.now() - started).toBeLessThan(5000);
    // Handles are released a little after "close" fires, and those of earlier tests may still be
    // winding down, so the counts can end below where they began.
    await expect.poll(() => countResources("TCPServerWrap"), { timeout: 2000 }).toBeLessThanOrEqual(serversBefore);
    await expect.poll(() => countResources("TCPSocketWrap"), { timeout: 2000 }).toBeLessThanOrEqual(socketsBefore);
    agent.destroy();
  });
});
