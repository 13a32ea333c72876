import { Agent, request } from "node:http";

/**
 * Synthetic clients: a steady stream of `GET /` through each load balancer, so a canary's
 * split shows up as real request counts with nobody at a browser. The rate is real requests
 * per second (what a person watching would count), not emulated time. Requests only ever go
 * to 127.0.0.1, on the ports the caller names: its own listeners.
 */
export interface SyntheticTrafficTarget {
  /** Identifies the load balancer across ticks. */
  key: string;
  /** Host headers to send in turn: the load balancer's DNS name and names its host rules match. */
  hostNames: string[];
  /** Loopback ports of its listeners; requests take them in turn. */
  ports: number[];
}

export interface SyntheticTrafficSpec {
  requestsPerSecond: number;
  /** Read on every tick, so new and removed listeners are picked up. */
  targets(): SyntheticTrafficTarget[];
}

export interface RunningSyntheticTraffic {
  /** Requests finished so far, answered or failed. */
  readonly completed: number;
  stop(): void;
}

const TICK_MS = 100;
const USER_AGENT = "local-ecs-synthetic-traffic/1.0";

interface TargetPace {
  owed: number;
  cursor: number;
  inFlight: number;
}

export function startSyntheticTraffic(spec: SyntheticTrafficSpec): RunningSyntheticTraffic {
  const agent = new Agent({ keepAlive: true, maxSockets: 32, timeout: 4000 });
  const paces = new Map<string, TargetPace>();
  // A slow target must not pile up requests: at most one second's worth waits per load balancer.
  const maxInFlight = Math.max(4, Math.ceil(spec.requestsPerSecond));
  let completed = 0;
  let last = performance.now();
  const tick = () => {
    const now = performance.now();
    const owedNow = (spec.requestsPerSecond * (now - last)) / 1000;
    last = now;
    const live = new Set<string>();
    for (const target of spec.targets()) {
      if (target.ports.length === 0) continue;
      live.add(target.key);
      const pace = paces.get(target.key) ?? { owed: 0, cursor: 0, inFlight: 0 };
      paces.set(target.key, pace);
      pace.owed = Math.min(pace.owed + owedNow, maxInFlight);
      for (; pace.owed >= 1 && pace.inFlight < maxInFlight; pace.owed--) {
        const turn = pace.cursor++;
        const port = target.ports[turn % target.ports.length];
        const hostName = target.hostNames[Math.floor(turn / target.ports.length) % Math.max(1, target.hostNames.length)];
        pace.inFlight++;
        sendOne(agent, port, hostName, () => {
          pace.inFlight--;
          completed++;
        });
      }
    }
    for (const key of paces.keys()) if (!live.has(key)) paces.delete(key);
  };
  // Real time on purpose: the rate is what a watching person counts, at any time scale.
  const interval = setInterval(tick, TICK_MS);
  interval.unref();
  return {
    get completed() {
      return completed;
    },
    stop() {
      clearInterval(interval);
      agent.destroy();
    },
  };
}

function sendOne(agent: Agent, port: number, hostName: string | undefined, done: () => void): void {
  let settled = false;
  const settle = () => {
    if (settled) return;
    settled = true;
    done();
  };
  const req = request({
    host: "127.0.0.1",
    port,
    path: "/",
    method: "GET",
    agent,
    headers: { host: `${hostName ?? "127.0.0.1"}:${port}`, "user-agent": USER_AGENT, accept: "application/json" },
  });
  req.setTimeout(10_000, () => req.destroy());
  req.on("response", (res) => {
    res.on("end", settle);
    res.on("close", settle);
    res.resume();
  });
  req.on("error", settle);
  req.end();
}
