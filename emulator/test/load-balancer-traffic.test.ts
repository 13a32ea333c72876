import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { measureLoadBalancerThroughput } from "../dataplane/throughput";
import { ADDRESS_TAG } from "../engine/load-balancing/listener-bindings";
import { asTarget, countByImage, FAST_CHECKS, PlaneHarness, send, waitFor } from "../engine/load-balancing/plane-harness";
import { putRule, putTargetGroup, weightedForward } from "../engine/load-balancing/record-builders";
import type { RegisteredTarget } from "../store/elb-records";

/**
 * The ELBv2 data plane end to end: real task servers behind real listener proxies, driven by
 * records written straight into the store, as the ELBv2 API handlers write them.
 */
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length > 0) await closers.pop()!();
});

const startPlane = (options: { timeScale?: number; syntheticTrafficPerSecond?: number } = {}) => new PlaneHarness({ ...options, closers });

describe("weighted forwarding", () => {
  it("splits 2,000 real requests 90/10, by response and by the plane's counters", async () => {
    const p = startPlane();
    const blue = await p.group("blue", "web:blue", 2);
    const green = await p.group("green", "web:green", 2);
    const { localPort } = await p.listen([weightedForward([[blue, 90], [green, 10]])]);
    await waitFor(() => p.allHealthy(blue) && p.allHealthy(green), "healthy targets");

    const counts = await countByImage(localPort, 2000);
    expect((counts["web:blue"] ?? 0) + (counts["web:green"] ?? 0)).toBe(2000);
    expect(Math.abs(counts["web:green"] / 2000 - 0.1)).toBeLessThanOrEqual(0.03);
    expect(p.requestsOf(blue)).toBe(counts["web:blue"]);
    expect(p.requestsOf(green)).toBe(counts["web:green"]);
    expect(Math.abs(p.requestsOf(green) / 2000 - 0.1)).toBeLessThanOrEqual(0.03);
    expect(p.errorsOf(blue) + p.errorsOf(green)).toBe(0);
  });

  it("sends nothing to a group of weight 0", async () => {
    const p = startPlane();
    const blue = await p.group("blue", "web:blue", 1);
    const green = await p.group("green", "web:green", 1);
    const { localPort } = await p.listen([weightedForward([[blue, 0], [green, 1]])]);
    expect(await countByImage(localPort, 200)).toEqual({ "web:green": 200 });
    expect(p.plane.trafficOf(blue)).toEqual([]);
  });

  it("pins a client to its group with the AWSALBTG cookie while that group has weight", async () => {
    const p = startPlane();
    const blue = await p.group("blue", "web:blue", 1);
    const green = await p.group("green", "web:green", 1);
    const { listener, localPort } = await p.listen([weightedForward([[blue, 50], [green, 50]], 3600)]);
    const first = await send(localPort);
    const cookie = String(first.headers["set-cookie"]).split(";")[0];
    expect(cookie).toMatch(/^AWSALBTG=/);
    expect(String(first.headers["set-cookie"])).toContain("Max-Age=36;");
    const pinned = await countByImage(localPort, 40, 4, { cookie });
    expect(pinned).toEqual({ [String(first.headers["x-slipway-image"])]: 40 });
    expect(Object.keys(await countByImage(localPort, 40, 4)).sort()).toEqual(["web:blue", "web:green"]);

    const pinnedGroup = first.headers["x-slipway-image"] === "web:blue" ? blue : green;
    const record = p.elb.listeners.get(listener)!;
    record.listener.DefaultActions = [weightedForward([[blue, pinnedGroup === blue ? 0 : 1], [green, pinnedGroup === green ? 0 : 1]], 3600)];
    p.elb.listeners.put(listener, record);
    await p.plane.listenerChanged(listener);
    const moved = await countByImage(localPort, 10, 2, { cookie });
    expect(Object.keys(moved)).toEqual([pinnedGroup === blue ? "web:green" : "web:blue"]);
  });
});

describe("listener rules", () => {
  it("routes by host and path in priority order, and answers fixed responses and redirects", async () => {
    const p = startPlane();
    const blue = await p.group("blue", "web:blue", 1);
    const green = await p.group("green", "web:green", 1);
    const { listener, localPort } = await p.listen([{ Type: "forward", TargetGroupArn: blue }]);
    const path = (value: string) => ({ Field: "path-pattern", PathPatternConfig: { Values: [value] } });
    putRule(p.elb, listener, 10, [path("/api/*")], [{ Type: "forward", TargetGroupArn: green }]);
    putRule(p.elb, listener, 5, [{ Field: "host-header", HostHeaderConfig: { Values: ["admin.*"] } }, path("/api/*")], [
      { Type: "fixed-response", FixedResponseConfig: { StatusCode: "403", ContentType: "text/plain", MessageBody: "admins only" } },
    ]);
    putRule(p.elb, listener, 30, [path("/old")], [{ Type: "redirect", RedirectConfig: { Path: "/new", StatusCode: "HTTP_301" } }]);
    await p.plane.listenerChanged(listener);

    const shop = { host: `shop.example.com:${localPort}` };
    const admin = { host: `Admin.Example.com:${localPort}` };
    expect((await send(localPort, { path: "/api/orders", headers: shop })).headers["x-slipway-image"]).toBe("web:green");
    expect(await send(localPort, { path: "/api/orders", headers: admin })).toMatchObject({ status: 403, body: "admins only" });
    expect((await send(localPort, { path: "/", headers: admin })).headers["x-slipway-image"]).toBe("web:blue");
    expect((await send(localPort, { path: "/?q=/api/x", headers: shop })).headers["x-slipway-image"]).toBe("web:blue");
    const redirect = await send(localPort, { path: "/old?a=1", headers: shop });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe(`http://shop.example.com:${localPort}/new?a=1`);
  });
});

describe("proxying", () => {
  it("passes method, path, headers and body, and adds X-Forwarded-*", async () => {
    const p = startPlane();
    const echo = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk) => (body += chunk));
      req.on("end", () => res.end(JSON.stringify({ method: req.method, url: req.url, headers: req.headers, body })));
    });
    await new Promise<void>((resolve) => echo.listen(0, "127.0.0.1", resolve));
    closers.push(() => new Promise((resolve) => echo.close(() => resolve())));
    const group = putTargetGroup(p.elb, "echo", FAST_CHECKS);
    p.plane.registerTargets(group, [asTarget(echo.address() as { port: number })]);
    const { localPort } = await p.listen([{ Type: "forward", TargetGroupArn: group }]);
    const reply = await send(localPort, { method: "POST", path: "/orders?id=7", body: "hello", headers: { "x-custom": "1", "x-forwarded-for": "203.0.113.9", "content-length": "5" } });
    const seen = JSON.parse(reply.body);
    expect(seen).toMatchObject({ method: "POST", url: "/orders?id=7", body: "hello" });
    expect(seen.headers).toMatchObject({ "x-custom": "1", "x-forwarded-for": "203.0.113.9, 127.0.0.1", "x-forwarded-proto": "http", "x-forwarded-port": String(localPort) });
  });

  it("answers 502 when the target refuses and 504 when it outlives the idle timeout, and counts both", async () => {
    const p = startPlane();
    const closed = await p.task("web:gone");
    await closed.close();
    const slow = await p.task("web:slow", { SLIPWAY_RESPONSE_DELAY_MS: "2500" });
    const refused = putTargetGroup(p.elb, "refused", FAST_CHECKS);
    const timedOut = putTargetGroup(p.elb, "slow", FAST_CHECKS);
    p.plane.registerTargets(refused, [asTarget(closed)]);
    p.plane.registerTargets(timedOut, [asTarget(slow)]);
    const a = await p.listen([{ Type: "forward", TargetGroupArn: refused }]);
    // idle_timeout 60 s at time scale 100 is 0.6 real seconds, raised to the 1 s floor.
    const b = await p.listen([{ Type: "forward", TargetGroupArn: timedOut }]);
    expect((await send(a.localPort)).status).toBe(502);
    const started = Date.now();
    const reply = await send(b.localPort);
    expect(reply.status).toBe(504);
    expect(reply.body).toContain("504 Gateway Time-out");
    expect(Date.now() - started).toBeLessThan(2400);
    expect(p.errorsOf(refused)).toBe(1);
    expect(p.errorsOf(timedOut)).toBe(1);
  });

  it("answers 503 when the group has no targets", async () => {
    const p = startPlane();
    const empty = putTargetGroup(p.elb, "empty", FAST_CHECKS);
    const { localPort } = await p.listen([{ Type: "forward", TargetGroupArn: empty }]);
    expect((await send(localPort)).status).toBe(503);
    expect(p.errorsOf(empty)).toBe(1);
  });
});


describe("target health", () => {
  it("marks a target whose health check fails unhealthy after UnhealthyThresholdCount checks, and routes around it", async () => {
    const p = startPlane();
    const good = await p.task("web:good");
    const bad = await p.task("web:bad", { SLIPWAY_FAIL_HEALTH_CHECK: "true" });
    const group = putTargetGroup(p.elb, "mixed", { ...FAST_CHECKS, UnhealthyThresholdCount: 3 });
    const seen: RegisteredTarget[] = [];
    p.plane.onTargetHealthChange((arn, target) => arn === group && target.port === bad.port && seen.push({ ...target }));
    const { localPort } = await p.listen([{ Type: "forward", TargetGroupArn: group }]);
    p.plane.registerTargets(group, [asTarget(good), asTarget(bad)]);
    await waitFor(() => p.targetsOf(group).some((t) => t.state === "unhealthy"), "an unhealthy target");

    expect(seen.map((t) => `${t.state}/${t.reason}`)).toEqual(["initial/Elb.RegistrationInProgress", "initial/Elb.InitialHealthChecking", "unhealthy/Target.ResponseCodeMismatch"]);
    expect(seen[2]).toMatchObject({ description: "Health checks failed with these codes: [503]", consecutiveFailures: 3 });
    expect(p.targetsOf(group).find((t) => t.port === good.port)?.state).toBe("healthy");
    expect(await countByImage(localPort, 50)).toEqual({ "web:good": 50 });
  });

  it("reports a closed port as Target.FailedHealthChecks, and fails open when no target is healthy", async () => {
    const p = startPlane();
    const closed = await p.task("web:gone");
    await closed.close();
    const sick = await Promise.all([p.task("web:sick", { SLIPWAY_FAIL_HEALTH_CHECK: "true" }), p.task("web:sick", { SLIPWAY_FAIL_HEALTH_CHECK: "true" })]);
    const gone = putTargetGroup(p.elb, "gone", FAST_CHECKS);
    const unhealthy = putTargetGroup(p.elb, "sick", FAST_CHECKS);
    await p.listen([{ Type: "forward", TargetGroupArn: gone }]);
    const { localPort } = await p.listen([{ Type: "forward", TargetGroupArn: unhealthy }]);
    p.plane.registerTargets(gone, [asTarget(closed)]);
    p.plane.registerTargets(unhealthy, sick.map(asTarget));
    await waitFor(() => p.targetsOf(gone)[0]?.state === "unhealthy", "the closed port to fail");
    expect(p.targetsOf(gone)[0]).toMatchObject({ reason: "Target.FailedHealthChecks", description: "Health checks failed" });

    await waitFor(() => p.targetsOf(unhealthy).every((t) => t.state === "unhealthy"), "every target unhealthy");
    const replies = await Promise.all(Array.from({ length: 10 }, () => send(localPort)));
    expect(replies.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(new Set(replies.map((r) => r.headers["x-slipway-task"])).size).toBe(2);
  });

  it("leaves targets unused while no listener forwards to their group, and checks them once one does", async () => {
    const p = startPlane();
    const server = await p.task("web:blue");
    const group = putTargetGroup(p.elb, "idle", FAST_CHECKS);
    p.plane.registerTargets(group, [asTarget(server)]);
    expect(p.targetsOf(group)[0]).toMatchObject({ state: "unused", reason: "Target.NotInUse" });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(p.targetsOf(group)[0].state).toBe("unused");

    const { listener } = await p.listen([{ Type: "forward", TargetGroupArn: group }]);
    expect(p.targetsOf(group)[0]).toMatchObject({ state: "initial", reason: "Elb.RegistrationInProgress" });
    await waitFor(() => p.allHealthy(group), "the target to become healthy");
    p.elb.listeners.delete(listener);
    await p.plane.listenerRemoved(listener);
    expect(p.targetsOf(group)[0].state).toBe("unused");
  });
});

describe("deregistration", () => {
  it("drains a target for deregistration_delay (emulated), sends it nothing meanwhile, then removes it", async () => {
    const p = startPlane();
    const group = await p.group("blue", "web:blue", 2, {}, { "deregistration_delay.timeout_seconds": "60" });
    const { localPort } = await p.listen([{ Type: "forward", TargetGroupArn: group }]);
    await waitFor(() => p.allHealthy(group), "healthy targets");
    const [leaving, staying] = p.targetsOf(group).map((t) => ({ Id: t.id, Port: t.port }));
    let removedAt: number | undefined;
    p.plane.onTargetHealthChange((_, target) => {
      if (target.port === leaving.Port && target.reason === "Target.NotRegistered") removedAt = p.clock.nowMs();
    });

    const deregisteredAt = p.clock.nowMs();
    p.plane.deregisterTargets(group, [leaving]);
    expect(p.targetsOf(group).find((t) => t.port === leaving.Port)).toMatchObject({ state: "draining", reason: "Target.DeregistrationInProgress" });
    const replies = await Promise.all(Array.from({ length: 20 }, () => send(localPort)));
    expect(new Set(replies.map((r) => r.headers["x-slipway-task"])).size).toBe(1);
    expect(p.targetsOf(group).find((t) => t.port === leaving.Port)?.state).toBe("draining");

    await waitFor(() => removedAt !== undefined, "the drained target's removal");
    expect(removedAt! - deregisteredAt).toBeGreaterThanOrEqual(60_000);
    // At time scale 100, 30 emulated seconds are 0.3 real seconds of timer slack.
    expect(removedAt! - deregisteredAt).toBeLessThan(90_000);
    expect(p.targetsOf(group).map((t) => t.port)).toEqual([staying.Port]);
  });

  it("removes a target at once when the delay is 0, and re-activates a draining target registered again", async () => {
    const p = startPlane();
    const quick = await p.group("quick", "web:blue", 1, {}, { "deregistration_delay.timeout_seconds": "0" });
    const slow = await p.group("slow", "web:green", 1);
    await p.listen([{ Type: "forward", TargetGroupArn: quick }]);
    await p.listen([{ Type: "forward", TargetGroupArn: slow }]);
    const [quickTarget] = p.targetsOf(quick).map((t) => ({ Id: t.id, Port: t.port }));
    p.plane.deregisterTargets(quick, [quickTarget]);
    expect(p.targetsOf(quick)).toEqual([]);

    const [slowTarget] = p.targetsOf(slow).map((t) => ({ Id: t.id, Port: t.port }));
    p.plane.deregisterTargets(slow, [slowTarget]);
    expect(p.targetsOf(slow)[0].state).toBe("draining");
    p.plane.registerTargets(slow, [slowTarget]);
    p.plane.registerTargets(slow, [slowTarget]);
    expect(p.targetsOf(slow)).toHaveLength(1);
    expect(p.targetsOf(slow)[0]).toMatchObject({ state: "initial", drainingUntil: undefined });
    await waitFor(() => p.allHealthy(slow), "the re-activated target to be healthy");
  });

  it("forgets a deleted target group: no more checks or counters", async () => {
    const p = startPlane();
    const group = await p.group("blue", "web:blue", 1);
    const { localPort } = await p.listen([{ Type: "forward", TargetGroupArn: group }]);
    await send(localPort);
    expect(p.requestsOf(group)).toBe(1);
    const timersBefore = p.clock.pendingTimers;
    p.elb.targetGroups.delete(group);
    p.plane.targetGroupChanged(group);
    expect(p.plane.trafficOf(group)).toEqual([]);
    expect(p.clock.pendingTimers).toBeLessThan(timersBefore);
    expect((await send(localPort)).status).toBe(503);
  });
});

describe("settings", () => {
  it("follows a changed health check: a new matcher makes a healthy target unhealthy", async () => {
    const p = startPlane();
    const group = await p.group("blue", "web:blue", 1);
    await p.listen([{ Type: "forward", TargetGroupArn: group }]);
    await waitFor(() => p.allHealthy(group), "a healthy target");
    const record = p.elb.targetGroups.get(group)!;
    record.targetGroup.Matcher = { HttpCode: "201-299" };
    p.elb.targetGroups.put(group, record);
    p.plane.targetGroupChanged(group);
    await waitFor(() => p.targetsOf(group)[0].state === "unhealthy", "the target to fail the new matcher");
    expect(p.targetsOf(group)[0].description).toBe("Health checks failed with these codes: [200]");
  });
});

/** A port nothing listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, "127.0.0.1", () => {
      socket.destroy();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
  });

describe("listener addresses", () => {
  it("moves a listener on port 80 to 10080 (or the next free port) and tags it with its address", async () => {
    const p = startPlane();
    const group = await p.group("blue", "web:blue", 1);
    const { listener, loadBalancer, localPort } = await p.listen([{ Type: "forward", TargetGroupArn: group }], 80);
    expect(localPort).toBeGreaterThanOrEqual(10080);
    expect(localPort).toBeLessThan(10180);
    expect(p.elb.listeners.get(listener)?.localPort).toBe(localPort);
    const dnsName = p.elb.loadBalancers.get(loadBalancer)!.loadBalancer.DNSName!;
    expect(dnsName).toMatch(/\.elb\.localhost$/);
    expect(p.elb.tags.get(listener)?.tags).toContainEqual({ Key: ADDRESS_TAG, Value: `http://${dnsName}:${localPort}` });
    expect((await send(localPort)).headers["x-slipway-image"]).toBe("web:blue");
  });

  it("keeps an unprivileged listener port when it is free", async () => {
    const p = startPlane();
    const port = await freePort();
    const { localPort } = await p.listen([{ Type: "fixed-response", FixedResponseConfig: { StatusCode: "200" } }], port);
    expect(localPort).toBe(port);
  });

  it("closes a removed listener's port", async () => {
    const p = startPlane();
    const { listener, localPort } = await p.listen([{ Type: "fixed-response", FixedResponseConfig: { StatusCode: "200" } }]);
    expect(await accepts(localPort)).toBe(true);
    p.elb.listeners.delete(listener);
    await p.plane.listenerRemoved(listener);
    expect(await accepts(localPort)).toBe(false);
  });

  it("rebinds the same ports after a restart, with targets and their health restored", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "local-ecs-elb-"));
    closers.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    const before = new PlaneHarness({ dataDir, closers });
    const group = await before.group("blue", "web:blue", 1);
    const { listener, localPort } = await before.listen([{ Type: "forward", TargetGroupArn: group }]);
    await waitFor(() => before.allHealthy(group), "a healthy target");
    await before.stop();
    expect(await accepts(localPort)).toBe(false);

    const after = new PlaneHarness({ dataDir, closers });
    await after.plane.resume();
    expect(after.plane.localPortOf(listener)).toBe(localPort);
    expect(after.targetsOf(group)[0].state).toBe("healthy");
    expect((await send(localPort)).headers["x-slipway-image"]).toBe("web:blue");
  });
});

describe("synthetic traffic", () => {
  it("sends a steady real rate through each load balancer, and stops on shutdown", async () => {
    const p = startPlane({ syntheticTrafficPerSecond: 40 });
    const group = await p.group("blue", "web:blue", 1);
    await p.listen([{ Type: "forward", TargetGroupArn: group }]);
    await p.plane.resume();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const sent = p.requestsOf(group);
    expect(sent).toBeGreaterThanOrEqual(25);
    expect(sent).toBeLessThanOrEqual(50);
    await p.stop();
    const afterStop = p.requestsOf(group);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(p.requestsOf(group)).toBe(afterStop);
  });
});

describe("throughput", () => {
  it("measures requests per second through a listener to 4 targets against one target directly", async () => {
    const result = await measureLoadBalancerThroughput({ requests: 2000, concurrency: 8, targets: 4 });
    const line = (name: string, rate: typeof result.direct) =>
      `${name}: ${rate.requestsPerSecond.toFixed(0)} req/s (${rate.requests} requests in ${rate.seconds.toFixed(2)} s, ${rate.errors} errors)`;
    console.log(`[throughput] concurrency ${result.concurrency}\n  ${line("via listener, 4 targets", result.viaListener)}\n  ${line("direct, 1 target", result.direct)}`);
    expect(result.viaListener.errors).toBe(0);
    expect(result.direct.errors).toBe(0);
  });
});
