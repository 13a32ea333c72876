import type { Action, TargetDescription, TargetGroup } from "@aws-sdk/client-elastic-load-balancing-v2";
import { Agent, request, type IncomingHttpHeaders } from "node:http";
import { readTaskKnobs } from "../../dataplane/knobs";
import { startTaskServer, type RunningTaskServer } from "../../dataplane/task-server";
import { DocumentDatabase } from "../../store/database";
import type { RegisteredTarget } from "../../store/elb-records";
import { ElbState } from "../../store/elb-state";
import { Clock } from "../clock";
import { LocalLoadBalancingPlane } from "./local-plane";
import { putListener, putLoadBalancer, putTargetGroup } from "./record-builders";

/**
 * The data plane on its own, for tests: a store, a clock, the plane, real task servers and a
 * small HTTP client. Everything started is closed by `cleanup()`.
 */
export class PlaneHarness {
  readonly db: DocumentDatabase;
  readonly elb: ElbState;
  readonly clock: Clock;
  readonly plane: LocalLoadBalancingPlane;
  private readonly closers: Array<() => Promise<void>>;
  private stopping: Promise<void> | undefined;
  private static taskNumber = 0;

  constructor(options: { timeScale?: number; dataDir?: string; syntheticTrafficPerSecond?: number; closers: Array<() => Promise<void>> }) {
    this.db = new DocumentDatabase(options.dataDir);
    this.clock = new Clock(options.timeScale ?? 100);
    this.elb = new ElbState(this.db);
    this.plane = new LocalLoadBalancingPlane({ elb: this.elb, clock: this.clock, syntheticTrafficPerSecond: options.syntheticTrafficPerSecond });
    this.closers = options.closers;
    this.closers.push(() => this.stop());
  }

  /** Stops the plane and closes the store (as a restart would); once only. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      await this.plane.shutdown();
      this.clock.stop();
      this.db.close();
    })();
    return this.stopping;
  }

  async task(image: string, env: Record<string, string> = {}): Promise<RunningTaskServer> {
    const n = ++PlaneHarness.taskNumber;
    const server = await startTaskServer({
      taskArn: `arn:aws:ecs:us-east-1:000000000000:task/test/${n}`,
      taskDefinitionArn: "arn:aws:ecs:us-east-1:000000000000:task-definition/web:1",
      clusterName: "test",
      containerName: "web",
      image,
      knobs: readTaskKnobs(Object.entries(env).map(([name, value]) => ({ name, value }))),
    });
    this.closers.push(() => server.close());
    return server;
  }

  targetsOf(group: string): RegisteredTarget[] {
    return this.elb.targetGroups.get(group)?.targets ?? [];
  }

  allHealthy(group: string): boolean {
    const targets = this.targetsOf(group);
    return targets.length > 0 && targets.every((target) => target.state === "healthy");
  }

  /** A target group of `count` task servers running `image`, registered. */
  async group(name: string, image: string, count: number, settings: Partial<TargetGroup> = {}, attributes: Record<string, string> = {}): Promise<string> {
    const group = putTargetGroup(this.elb, name, { ...FAST_CHECKS, ...settings }, attributes);
    const servers = await Promise.all(Array.from({ length: count }, () => this.task(image)));
    this.plane.registerTargets(group, servers.map(asTarget));
    return group;
  }

  /** A load balancer with one listener on `port`; returns where it answers. */
  async listen(actions: Action[], port = 80): Promise<{ listener: string; localPort: number; loadBalancer: string }> {
    const loadBalancer = putLoadBalancer(this.elb, "web");
    const listener = putListener(this.elb, loadBalancer, port, actions);
    await this.plane.listenerChanged(listener);
    return { listener, loadBalancer, localPort: this.plane.localPortOf(listener)! };
  }

  requestsOf(group: string): number {
    return this.plane.trafficOf(group).reduce((sum, sample) => sum + sample.requests, 0);
  }

  errorsOf(group: string): number {
    return this.plane.trafficOf(group).reduce((sum, sample) => sum + sample.errors5xx, 0);
  }
}

/** Checks every 5 emulated seconds; two results in a row decide. */
export const FAST_CHECKS: Partial<TargetGroup> = { HealthCheckIntervalSeconds: 5, HealthyThresholdCount: 2, UnhealthyThresholdCount: 2 };

export const asTarget = (server: { port: number }): TargetDescription => ({ Id: "127.0.0.1", Port: server.port });

export async function waitFor(condition: () => boolean, what: string, withinMs = 10_000): Promise<void> {
  const deadline = performance.now() + withinMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface RequestOptions {
  path?: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  agent?: Agent;
}

/** Without an agent, a fresh connection: Node's global agent would reuse sockets of proxies an earlier test closed. */
export function send(port: number, options: RequestOptions = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const agent = options.agent ?? false;
    const req = request({ host: "127.0.0.1", port, path: options.path ?? "/", method: options.method ?? "GET", headers: options.headers, agent });
    req.on("response", (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

/** Sends `total` GETs, `concurrency` at a time, and counts answers by the image that served them (or the status). */
export async function countByImage(port: number, total: number, concurrency = 8, headers?: Record<string, string>): Promise<Record<string, number>> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const counts: Record<string, number> = {};
  let sent = 0;
  const worker = async () => {
    while (sent < total) {
      sent++;
      const reply = await send(port, { agent, headers });
      const key = String(reply.headers["x-slipway-image"] ?? reply.status);
      counts[key] = (counts[key] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  agent.destroy();
  return counts;
}
