import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { interpretContainerHealthCommand, parseHttpCodeMatcher, probeHttpHealth } from "./health-probe";
import { readTaskKnobs } from "./knobs";
import { startTaskServer, type RunningTaskServer } from "./task-server";

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function taskServer(environment: Record<string, string> = {}): Promise<RunningTaskServer> {
  const server = await startTaskServer({
    taskArn: "arn:aws:ecs:us-east-1:000000000000:task/demo/abc",
    taskDefinitionArn: "arn:aws:ecs:us-east-1:000000000000:task-definition/web:1",
    clusterName: "demo",
    containerName: "web",
    image: "web:v1",
    knobs: readTaskKnobs(Object.entries(environment).map(([name, value]) => ({ name, value }))),
  });
  cleanups.push(() => server.close());
  return server;
}

/** A plain server answering every request with `status`, or never answering when undefined. */
async function fixedServer(status: number | undefined): Promise<number> {
  const server: Server = createServer((_req, res) => {
    if (status === undefined) return;
    res.writeHead(status, status === 302 ? { location: "/elsewhere" } : {});
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanups.push(() => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(resolve));
  });
  return (server.address() as AddressInfo).port;
}

/** Keeps this process busy, as a long synchronous job or a crowded machine would. */
function blockFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

describe("probeHttpHealth", () => {
  it("reports a healthy task server", async () => {
    const server = await taskServer();
    expect(await probeHttpHealth({ host: server.host, port: server.port, timeoutMs: 2000 })).toEqual({ healthy: true, statusCode: 200 });
  });

  it("reports a response code mismatch for a task failing its health check", async () => {
    const server = await taskServer({ SLIPWAY_FAIL_HEALTH_CHECK: "true" });
    expect(await probeHttpHealth({ host: server.host, port: server.port, timeoutMs: 2000 })).toEqual({
      healthy: false,
      reason: "ResponseCodeMismatch",
      statusCode: 503,
    });
  });

  it("probes the path it is given", async () => {
    const server = await taskServer();
    const result = await probeHttpHealth({ host: server.host, port: server.port, path: "/ready", timeoutMs: 2000 });
    expect(result).toEqual({ healthy: false, reason: "ResponseCodeMismatch", statusCode: 404 });
    expect((await probeHttpHealth({ host: server.host, port: server.port, path: "/", timeoutMs: 2000 })).healthy).toBe(true);
  });

  it("accepts redirects by default, as the 200-399 matcher says", async () => {
    const port = await fixedServer(302);
    expect(await probeHttpHealth({ host: "127.0.0.1", port, timeoutMs: 2000 })).toEqual({ healthy: true, statusCode: 302 });
  });

  it("applies single-code, range and list matchers", async () => {
    const port = await fixedServer(302);
    const probe = (matcher: string) => probeHttpHealth({ host: "127.0.0.1", port, timeoutMs: 2000, matcher });
    expect((await probe("200")).reason).toBe("ResponseCodeMismatch");
    expect((await probe("200-299")).reason).toBe("ResponseCodeMismatch");
    expect((await probe("200,302")).healthy).toBe(true);
    expect((await probe("300-399")).healthy).toBe(true);
  });

  it("times out against a server that never answers", async () => {
    const port = await fixedServer(undefined);
    const started = performance.now();
    expect(await probeHttpHealth({ host: "127.0.0.1", port, timeoutMs: 200 })).toEqual({ healthy: false, reason: "Timeout" });
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(190);
    expect(elapsed).toBeLessThan(1500);
  });

  it("does not time out a healthy server because this process stalled for longer than the timeout", async () => {
    const server = await taskServer();
    const probing = probeHttpHealth({ host: server.host, port: server.port, timeoutMs: 100 });
    // The task server shares this process: while it is blocked, nobody can answer.
    blockFor(400);
    expect(await probing).toEqual({ healthy: true, statusCode: 200 });
  });

  it("reports a refused connection on a closed port", async () => {
    const server = await startTaskServer({
      taskArn: "arn:aws:ecs:us-east-1:000000000000:task/demo/gone",
      taskDefinitionArn: "web:1",
      clusterName: "demo",
      containerName: "web",
      image: "web:v1",
      knobs: readTaskKnobs(undefined),
    });
    await server.close();
    expect(await probeHttpHealth({ host: server.host, port: server.port, timeoutMs: 2000 })).toEqual({
      healthy: false,
      reason: "ConnectionRefused",
    });
  });

  it("sees a stopped task as down even after probing it over a kept-alive connection", async () => {
    const server = await taskServer();
    expect((await probeHttpHealth({ host: server.host, port: server.port, timeoutMs: 2000 })).healthy).toBe(true);
    await server.close();
    expect((await probeHttpHealth({ host: server.host, port: server.port, timeoutMs: 2000 })).reason).toBe("ConnectionRefused");
  });

  it("rejects a matcher that is not ELB syntax", async () => {
    await expect(probeHttpHealth({ host: "127.0.0.1", port: 1, timeoutMs: 100, matcher: "2xx" })).rejects.toThrow(RangeError);
  });
});

describe("parseHttpCodeMatcher", () => {
  it("reads codes, ranges and lists", () => {
    expect(parseHttpCodeMatcher("200")).toEqual([{ from: 200, to: 200 }]);
    expect(parseHttpCodeMatcher("200-299")).toEqual([{ from: 200, to: 299 }]);
    expect(parseHttpCodeMatcher("200, 302,400-404")).toEqual([
      { from: 200, to: 200 },
      { from: 302, to: 302 },
      { from: 400, to: 404 },
    ]);
  });

  it("refuses anything else", () => {
    for (const bad of ["", "2xx", "299-200", "200-", "99", "600", "200;302"]) {
      expect(parseHttpCodeMatcher(bad), bad).toBeUndefined();
    }
  });
});

describe("interpretContainerHealthCommand", () => {
  it("finds the path a CMD-SHELL curl fetches", () => {
    expect(interpretContainerHealthCommand(["CMD-SHELL", "curl -f http://localhost/health || exit 1"])).toEqual({ path: "/health" });
    expect(interpretContainerHealthCommand(["CMD-SHELL", "curl -fsS 'http://localhost:8080/status?deep=1&x=2' || exit 1"])).toEqual({
      path: "/status?deep=1&x=2",
    });
  });

  it("finds the path a CMD wget fetches", () => {
    expect(interpretContainerHealthCommand(["CMD", "wget", "-q", "-O-", "http://localhost:8080/ready"])).toEqual({ path: "/ready" });
  });

  it("copes with URLs inside options, scripts and variables, and scheme-less local ones", () => {
    expect(interpretContainerHealthCommand(["CMD", "curl", "--url=http://127.0.0.1:3000/livez"])).toEqual({ path: "/livez" });
    expect(
      interpretContainerHealthCommand(["CMD-SHELL", `python -c "import urllib.request; urllib.request.urlopen('http://localhost:8000/healthz')"`]),
    ).toEqual({ path: "/healthz" });
    expect(interpretContainerHealthCommand(["CMD-SHELL", "curl -f http://localhost:${PORT}/up#top"])).toEqual({ path: "/up" });
    expect(interpretContainerHealthCommand(["CMD-SHELL", "curl -f localhost:8080/ping"])).toEqual({ path: "/ping" });
    expect(interpretContainerHealthCommand(["CMD-SHELL", "curl -f http://localhost:8080"])).toEqual({ path: "/" });
  });

  it("checks /health when the command names no URL", () => {
    expect(interpretContainerHealthCommand(["CMD-SHELL", "pgrep nginx || exit 1"])).toEqual({ path: "/health" });
    expect(interpretContainerHealthCommand(["CMD", "/bin/check"])).toEqual({ path: "/health" });
  });

  it("means no check for NONE or an empty command", () => {
    expect(interpretContainerHealthCommand(undefined)).toBeUndefined();
    expect(interpretContainerHealthCommand([])).toBeUndefined();
    expect(interpretContainerHealthCommand(["NONE"])).toBeUndefined();
    expect(interpretContainerHealthCommand(["CMD-SHELL"])).toBeUndefined();
    expect(interpretContainerHealthCommand(["CMD-SHELL", "  "])).toBeUndefined();
  });
});
