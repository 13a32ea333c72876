import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { rmSync } from "node:fs";
import { isIP } from "node:net";
import { createEndpoint, type EndpointOptions } from "./protocols/endpoint";
import { withoutOperations } from "./protocols/operation";
import { Clock } from "./engine/clock";
import { ServiceScheduler } from "./engine/service-scheduler";
import { AlarmEvaluator } from "./engine/alarm-evaluator";
import { TaskLifecycle } from "./engine/task-lifecycle";
import { chainBeforeOperation, createFaultInjector, type ApiFaults } from "./engine/fault-injection";
import { createEcsThrottle } from "./engine/throttling";
import { InternalFailure } from "./protocols/aws-error";
import { ServerException } from "./services/ecs/errors";
import { createEcsService, ECS_TARGET_PREFIX } from "./services/ecs";
import { createElbv2Service, ELBV2_XML_NAMESPACE } from "./services/elbv2";
import { CLOUDWATCH_TARGET_PREFIX, createCloudWatchService } from "./services/cloudwatch";
import { DocumentDatabase } from "./store/database";
import { EcsState } from "./store/state";
import { ElbState } from "./store/elb-state";
import { AlarmState } from "./store/alarm-state";
import { LocalLoadBalancingPlane } from "./engine/load-balancing/local-plane";
import type { EcsWorld, LocalEcsSettings } from "./world";

export interface LocalEcsOptions {
  /** 0 picks a free port. */
  port: number;
  host?: string;
  /**
   * Host names the API answers besides localhost, `*.localhost` and IP addresses, e.g. a
   * container's name. Any other Host is refused, against DNS rebinding. A name given as `host`
   * is allowed too.
   */
  allowedHosts?: readonly string[];
  /** Where SQLite lives; undefined keeps state in memory only. */
  dataDir?: string;
  timeScale: number;
  region?: string;
  accountId?: string;
  /** Wipe the data directory before starting. */
  reset?: boolean;
  /** Log each request to stdout. */
  logRequests?: boolean;
  /** Called after each API request is answered, e.g. to count calls per operation in tests. */
  onRequest?: EndpointOptions["onRequest"];
  /** ECS's API rate limits: off (default), as AWS sets them, or a tenth of that for fault tests. */
  throttling?: "off" | "on" | "tight";
  /** Injected API latency and 5xx rate, for testing clients against a slow or failing AWS. */
  apiFaults?: ApiFaults;
  /** Real GET / requests per second sent through each load balancer; 0 (default) sends none. */
  syntheticTrafficPerSecond?: number;
  /** ECS operations to answer as an endpoint that lacks them (UnknownOperationException), e.g. an older partition's. */
  withoutEcsOperations?: readonly string[];
}

export interface RunningLocalEcs {
  endpoint: string;
  port: number;
  world: EcsWorld;
  /** Replaces the API fault knobs from the next call on (the launcher turns them on after seeding). */
  setApiFaults(faults: ApiFaults): void;
  /** Stops serving, stops every task server, closes the store. */
  stop(): Promise<void>;
}

const CLOCK_META_KEY = "emulated-clock-ms";

export async function startLocalEcs(options: LocalEcsOptions): Promise<RunningLocalEcs> {
  if (options.reset && options.dataDir) rmSync(options.dataDir, { recursive: true, force: true });
  const db = new DocumentDatabase(options.dataDir);
  if (db.warning) console.error(db.warning);
  const settings: LocalEcsSettings = {
    region: options.region ?? "us-east-1",
    accountId: options.accountId ?? "000000000000",
    timeScale: options.timeScale,
  };
  // After a restart, emulated time continues from where it was (or from now, if later).
  const persistedMs = Number(db.getMeta(CLOCK_META_KEY) ?? 0);
  const clock = new Clock(settings.timeScale, Math.max(persistedMs, Date.now()));
  const state = new EcsState(db);
  const elb = new ElbState(db);
  const world: EcsWorld = {
    settings,
    clock,
    state,
    tasks: new TaskLifecycle(() => world),
    scheduler: new ServiceScheduler(() => world),
    elb,
    loadBalancing: new LocalLoadBalancingPlane({ elb, clock, syntheticTrafficPerSecond: options.syntheticTrafficPerSecond ?? 0 }),
    alarms: new AlarmState(db),
  };
  // After a restart, task servers come back and every deployment carries on.
  await world.tasks.resume();
  world.scheduler.resume();
  await world.loadBalancing.resume();
  new AlarmEvaluator(() => world).start();
  const saveClock = setInterval(() => db.setMeta(CLOCK_META_KEY, String(clock.nowMs())), 1000);
  saveClock.unref();

  let ecsFaults = createFaultInjector(options.apiFaults ?? {}, () => new ServerException());
  let elbFaults = createFaultInjector(options.apiFaults ?? {}, () => new InternalFailure());
  const host = options.host ?? "127.0.0.1";
  const server: Server = createEndpoint({
    accountId: settings.accountId,
    defaultRegion: settings.region,
    allowedHosts: [...(options.allowedHosts ?? []), ...(isIP(host) === 0 ? [host] : [])],
    bindings: [
      {
        protocol: "json",
        targetPrefix: ECS_TARGET_PREFIX,
        signingName: "ecs",
        definition: withoutOperations(
          createEcsService(
            world,
            chainBeforeOperation(createEcsThrottle({ mode: options.throttling ?? "off" }), (ctx) => ecsFaults?.(ctx)),
          ),
          options.withoutEcsOperations ?? [],
        ),
      },
      {
        protocol: "query",
        signingName: "elasticloadbalancing",
        version: "2015-12-01",
        xmlNamespace: ELBV2_XML_NAMESPACE,
        definition: createElbv2Service(world, (ctx) => elbFaults?.(ctx)),
      },
      {
        protocol: "json",
        targetPrefix: CLOUDWATCH_TARGET_PREFIX,
        signingName: "monitoring",
        jsonVersion: "1.0",
        queryCompatible: true,
        definition: createCloudWatchService(world),
      },
    ],
    onRequest: (e) => {
      if (options.logRequests) console.log(`[local-ecs] ${e.service}.${e.operation} ${e.status} ${e.ms.toFixed(1)}ms`);
      options.onRequest?.(e);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    endpoint: `http://${host}:${port}`,
    port,
    world,
    setApiFaults(faults) {
      ecsFaults = createFaultInjector(faults, () => new ServerException());
      elbFaults = createFaultInjector(faults, () => new InternalFailure());
    },
    async stop() {
      clearInterval(saveClock);
      db.setMeta(CLOCK_META_KEY, String(clock.nowMs()));
      clock.stop();
      await world.loadBalancing.shutdown();
      await world.tasks.shutdown();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      db.close();
    },
  };
}
