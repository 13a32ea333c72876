import { ElasticLoadBalancingV2Client } from "@aws-sdk/client-elastic-load-balancing-v2";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { CliUsageError, helpText, parseCliOptions, type CliDefaults, type CliOptions } from "./cli-options";
import { formatListenerAddresses, listListenerAddresses } from "./load-balancer-addresses";
import { startLocalEcs, type RunningLocalEcs } from "./local-ecs";
import { demoNotes, seedDemo, type DemoSummary } from "./seed/demo";

/**
 * `npm run emulator`: local ECS alone, on loopback, for the AWS CLI, SDKs or other tools.
 * `scripts/start.ts` runs the same thing with a few more lines of its own.
 */
export interface LaunchSettings {
  /** How the user invoked us, for the usage line and error messages. */
  program: string;
  argv: readonly string[];
  /** Defaults that differ from `npm run emulator`'s; the user's flags still win. */
  defaults?: CliDefaults;
  /** Lines printed after the banner. */
  notes?: (endpoint: string, region: string) => string[];
  /** Called once local ECS listens, before the demo is created, to start what talks to it (`npm start`'s dashboard). */
  onListening?: (endpoint: string, region: string) => void;
  /** Awaited on Ctrl-C or SIGTERM before local ECS stops, so that what talks to it stops first. */
  beforeStop?: () => Promise<void>;
}

/** Marks the data dir while the demo is being created, so that an interrupted seed is noticed. */
const SEED_META_KEY = "demo-seed";
/** If stopping takes longer than this, something is stuck: leave anyway. */
const STOP_GRACE_MS = 10_000;

export async function launchFromCommandLine(settings: LaunchSettings): Promise<void> {
  // Slipway runs on Node 20; the SDK's notice about its releases of 2027 is noise at every start.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  const options = parseOrExit(settings);
  const dataDir = resolve(options.dataDir);
  const local = await startOrExit(options, dataDir);
  const seedNow = options.seed && storeIsEmpty(local);
  const stopping = handleSignals(local, settings.beforeStop);

  console.log(banner(local, options, dataDir).join("\n"));
  for (const line of settings.notes?.(local.endpoint, options.region) ?? []) console.log(line);
  console.log("\nPress Ctrl-C to stop.");
  settings.onListening?.(local.endpoint, options.region);

  const db = local.world.state.db;
  if (db.getMeta(SEED_META_KEY) === "started" && !seedNow) {
    console.log("\nThe demo account was only partly created last time; start with --reset to create it again.");
  }
  const demo = seedNow ? await createDemo(local, options, stopping) : undefined;
  if (stopping.requested) return;
  await printListenerAddresses(local.endpoint, options.region);
  if (demo) console.log(["", ...demoNotes(demo, options.timeScale)].join("\n"));
  // Faults are for the user's clients: the demo and the lines above are made without them.
  if (options.apiLatencyMs > 0 || options.apiErrorRate > 0) {
    local.setApiFaults({ latencyMs: options.apiLatencyMs, errorRate: options.apiErrorRate });
    console.log(`\nAPI faults on from now: ${faultsText(options)}.`);
  }
}

async function createDemo(local: RunningLocalEcs, options: CliOptions, stopping: { requested: boolean }): Promise<DemoSummary | undefined> {
  const db = local.world.state.db;
  const pace = options.timeScale === 1 ? "; at real time this takes about a minute and a half" : "";
  console.log(`\nCreating the demo account (clusters demo and staging, a load balancer, services web, api and worker${pace})…`);
  db.setMeta(SEED_META_KEY, "started");
  try {
    const started = performance.now();
    const summary = await seedDemo(local.endpoint, { region: options.region });
    if (stopping.requested) return undefined;
    db.setMeta(SEED_META_KEY, "done");
    console.log(`Demo account ready in ${Math.round((performance.now() - started) / 1000)} s.`);
    return summary;
  } catch (error) {
    if (!stopping.requested) {
      console.error(`The demo account could not be created: ${messageOf(error)}. Local ECS keeps running; --reset starts over.`);
    }
    return undefined;
  }
}

/** Read back through the ELBv2 API, as any tool would, so the lines show what DescribeTags says. */
async function printListenerAddresses(endpoint: string, region: string): Promise<void> {
  const elb = new ElasticLoadBalancingV2Client({ endpoint, region, credentials: { accessKeyId: "local", secretAccessKey: "local" } });
  try {
    const addresses = await listListenerAddresses(elb);
    if (addresses.length === 0) return;
    console.log("\nLoad balancer listeners answer on (names under .elb.localhost resolve to this machine):");
    console.log(formatListenerAddresses(addresses).join("\n"));
  } catch (error) {
    console.error(`\nThe load balancers could not be listed: ${messageOf(error)}.`);
  } finally {
    elb.destroy();
  }
}

function parseOrExit(settings: LaunchSettings): CliOptions {
  try {
    const command = parseCliOptions(settings.argv, settings.defaults, process.env);
    if (command.kind === "run") return command.options;
    console.log(helpText(settings.program, settings.defaults));
    process.exit(0);
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    console.error(`${settings.program}: ${error.message}`);
    process.exit(2);
  }
}

async function startOrExit(options: CliOptions, dataDir: string): Promise<RunningLocalEcs> {
  try {
    return await startLocalEcs({
      port: options.port,
      host: options.host,
      allowedHosts: options.allowedHosts,
      dataDir,
      timeScale: options.timeScale,
      region: options.region,
      reset: options.reset,
      logRequests: options.logRequests,
      throttling: options.throttling,
      syntheticTrafficPerSecond: options.syntheticTraffic,
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") {
      console.error(`Port ${options.port} on ${options.host} is already in use (is local ECS already running?). Choose another with --port.`);
    } else if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND") {
      console.error(`Cannot listen on ${options.host}: no such local address. Use --host 127.0.0.1.`);
    } else {
      console.error(`Local ECS could not start: ${messageOf(error)}`);
    }
    process.exit(1);
  }
}

function storeIsEmpty(local: RunningLocalEcs): boolean {
  const { clusters, taskDefinitions, services, tasks } = local.world.state;
  return clusters.size + taskDefinitions.size + services.size + tasks.size === 0;
}

function banner(local: RunningLocalEcs, options: CliOptions, dataDir: string): string[] {
  const { endpoint } = local;
  const { accountId, region } = local.world.settings;
  const pace = options.timeScale === 1 ? "real time" : `${options.timeScale}× real time`;
  const traffic = options.syntheticTraffic > 0 ? `${options.syntheticTraffic} synthetic requests/s through each load balancer` : "no synthetic traffic";
  const faults = options.apiLatencyMs > 0 || options.apiErrorRate > 0 ? `once start-up is done, ${faultsText(options)}` : "no injected API faults";
  return [
    `Local ECS (ECS and ELBv2) is listening on ${endpoint}`,
    `  region ${region}, account ${accountId}, clock at ${pace}, API throttling ${options.throttling}`,
    `  ${traffic}; ${faults}`,
    `  data in ${dataDir}`,
    ...(options.allowedHosts.length > 0 ? [`  API requests for ${options.allowedHosts.join(", ")} answered too, besides localhost and IP addresses`] : []),
    "",
    "Point the AWS CLI at it:",
    `  aws --endpoint-url ${endpoint} ecs list-clusters`,
    `  aws --endpoint-url ${endpoint} elbv2 describe-load-balancers`,
    "or any AWS SDK and the CLI, through the environment (any credentials are accepted):",
    `  export AWS_ENDPOINT_URL=${endpoint}`,
    `  export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_REGION=${region}`,
  ];
}

function faultsText(options: CliOptions): string {
  const parts: string[] = [];
  if (options.apiLatencyMs > 0) parts.push(`every API call waits ${options.apiLatencyMs} ms`);
  if (options.apiErrorRate > 0) parts.push(`${+(options.apiErrorRate * 100).toFixed(2)} % of API calls fail with a 5xx error`);
  return parts.join(" and ");
}

/** The first Ctrl-C (or SIGTERM) stops cleanly; a second one leaves at once. */
function handleSignals(local: RunningLocalEcs, beforeStop?: () => Promise<void>): { requested: boolean } {
  const state = { requested: false };
  const onSignal = (signal: NodeJS.Signals) => {
    if (state.requested) process.exit(130);
    state.requested = true;
    console.log(`\n${signal === "SIGINT" ? "Ctrl-C" : signal}: stopping local ECS…`);
    const stuck = setTimeout(() => {
      console.error("Local ECS did not stop in time; leaving anyway.");
      process.exit(1);
    }, STOP_GRACE_MS);
    stuck.unref();
    const first = beforeStop ? beforeStop().catch((error: unknown) => console.error(`Stopping failed: ${messageOf(error)}`)) : Promise.resolve();
    first.then(() => local.stop()).then(
      () => {
        console.log("Stopped.");
        process.exit(0);
      },
      (error: unknown) => {
        console.error(`Local ECS did not stop cleanly: ${messageOf(error)}`);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  return state;
}

/** The error's own words, without a closing period, to be embedded in a sentence. */
function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\.+$/, "");
}

function isEntryPoint(): boolean {
  return process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
}

if (isEntryPoint()) {
  launchFromCommandLine({ program: "npm run emulator --", argv: process.argv.slice(2) }).catch((error: unknown) => {
    console.error(`Local ECS failed: ${messageOf(error)}`);
    process.exit(1);
  });
}
