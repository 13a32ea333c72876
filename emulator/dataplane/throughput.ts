import { Agent, request } from "node:http";
import { Clock } from "../engine/clock";
import { LocalLoadBalancingPlane } from "../engine/load-balancing/local-plane";
import { putListener, putLoadBalancer, putTargetGroup, weightedForward } from "../engine/load-balancing/record-builders";
import { DocumentDatabase } from "../store/database";
import { ElbState } from "../store/elb-state";
import { readTaskKnobs } from "./knobs";
import { startTaskServer, type RunningTaskServer } from "./task-server";

/**
 * How many requests a second local ECS's load balancer carries, against the same requests
 * sent straight to one task: the proxy's overhead in one number. Real sockets, real time.
 */
export interface RequestRate {
  requests: number;
  /** Requests that failed or answered other than 200. */
  errors: number;
  seconds: number;
  requestsPerSecond: number;
}

export interface LoadBalancerThroughput {
  targets: number;
  concurrency: number;
  viaListener: RequestRate;
  direct: RequestRate;
}

export interface ThroughputOptions {
  /** Requests per measurement; default 2,000. */
  requests?: number;
  /** Requests in flight at once; default 8. */
  concurrency?: number;
  /** Task servers behind the listener; default 4. */
  targets?: number;
}

const WARM_UP_REQUESTS = 100;
const HEALTHY_WITHIN_MS = 10_000;

export async function measureLoadBalancerThroughput(options: ThroughputOptions = {}): Promise<LoadBalancerThroughput> {
  const requests = options.requests ?? 2000;
  const concurrency = options.concurrency ?? 8;
  const targetCount = options.targets ?? 4;
  const db = new DocumentDatabase(undefined);
  const clock = new Clock(60);
  const elb = new ElbState(db);
  const plane = new LocalLoadBalancingPlane({ elb, clock });
  const servers: RunningTaskServer[] = [];
  try {
    for (let i = 0; i < targetCount; i++) servers.push(await startTaskServer(taskSpec(i)));
    const group = putTargetGroup(elb, "throughput", { HealthCheckIntervalSeconds: 5 });
    const listener = putListener(elb, putLoadBalancer(elb, "throughput"), 80, [weightedForward([[group, 1]])]);
    await plane.listenerChanged(listener);
    plane.registerTargets(group, servers.map((server) => ({ Id: server.host, Port: server.port })));
    await waitUntil(() => elb.targetGroups.get(group)!.targets.every((target) => target.state === "healthy"), HEALTHY_WITHIN_MS);
    const listenerPort = plane.localPortOf(listener)!;
    await measureRequestRate({ port: listenerPort, requests: WARM_UP_REQUESTS, concurrency });
    await measureRequestRate({ port: servers[0].port, requests: WARM_UP_REQUESTS, concurrency });
    const viaListener = await measureRequestRate({ port: listenerPort, requests, concurrency });
    const direct = await measureRequestRate({ port: servers[0].port, requests, concurrency });
    return { targets: targetCount, concurrency, viaListener, direct };
  } finally {
    await plane.shutdown();
    await Promise.all(servers.map((server) => server.close()));
    clock.stop();
    db.close();
  }
}

function taskSpec(index: number) {
  return {
    taskArn: `arn:aws:ecs:us-east-1:000000000000:task/throughput/${index}`,
    taskDefinitionArn: "arn:aws:ecs:us-east-1:000000000000:task-definition/throughput:1",
    clusterName: "throughput",
    containerName: "app",
    image: "throughput:latest",
    knobs: readTaskKnobs([]),
  };
}

/** `requests` GETs of `/` to 127.0.0.1:`port`, `concurrency` at a time, over kept-alive connections. */
export async function measureRequestRate(options: { port: number; requests: number; concurrency: number }): Promise<RequestRate> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  let issued = 0;
  let errors = 0;
  const worker = async () => {
    while (issued < options.requests) {
      issued++;
      if ((await getStatus(agent, options.port)) !== 200) errors++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { requests: options.requests, errors, seconds, requestsPerSecond: options.requests / seconds };
}

function getStatus(agent: Agent, port: number): Promise<number> {
  return new Promise((resolve) => {
    const req = request({ host: "127.0.0.1", port, path: "/", agent, headers: { accept: "application/json" } });
    req.on("response", (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", () => resolve(0));
    req.end();
  });
}

async function waitUntil(condition: () => boolean, withinMs: number): Promise<void> {
  const deadline = performance.now() + withinMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error("targets did not become healthy in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
