import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { CliUsageError, helpText, parseCliOptions, type CliOptions } from "./cli-options";
import { startLocalEcs, type RunningLocalEcs } from "./local-ecs";
import { seedDemo } from "./seed/demo";

/**
 * `npm run emulator`: local ECS alone, on loopback, for the AWS CLI, SDKs or other tools.
 * `scripts/start.ts` runs the same thing with a few more lines of its own.
 */
export interface LaunchSettings {
  /** How the user invoked us, for the usage line and error messages. */
  program: string;
  argv: readonly string[];
  /** Lines printed after the banner. */
  notes?: (endpoint: string, region: string) => string[];
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
  const stopping = handleSignals(local);

  console.log(banner(local, options, dataDir).join("\n"));
  for (const line of settings.notes?.(local.endpoint, options.region) ?? []) console.log(line);
  console.log("\nPress Ctrl-C to stop.");

  const db = local.world.state.db;
  if (db.getMeta(SEED_META_KEY) === "started" && !seedNow) {
    console.log("\nThe demo account was only partly created last time; start with --reset to create it again.");
  }
  if (!seedNow) return;
  console.log("\nCreating the demo account (clusters demo and staging; services web, api, worker)…");
  db.setMeta(SEED_META_KEY, "started");
  try {
    await seedDemo(local.endpoint, { region: options.region });
    if (stopping.requested) return;
    db.setMeta(SEED_META_KEY, "done");
    console.log("Demo account ready: web and api in cluster demo are rolling out their latest release.");
  } catch (error) {
    if (stopping.requested) return;
    console.error(`The demo account could not be created: ${messageOf(error)}. Local ECS keeps running; --reset starts over.`);
  }
}

function parseOrExit(settings: LaunchSettings): CliOptions {
  try {
    const command = parseCliOptions(settings.argv);
    if (command.kind === "run") return command.options;
    console.log(helpText(settings.program));
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
      dataDir,
      timeScale: options.timeScale,
      region: options.region,
      reset: options.reset,
      logRequests: options.logRequests,
      throttling: options.throttling,
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
  return [
    `Local ECS is listening on ${endpoint}`,
    `  region ${region}, account ${accountId}, clock at ${pace}, API throttling ${options.throttling}`,
    `  data in ${dataDir}`,
    "",
    "Point the AWS CLI at it:",
    `  aws --endpoint-url ${endpoint} ecs list-clusters`,
    "or any AWS SDK and the CLI, through the environment (any credentials are accepted):",
    `  export AWS_ENDPOINT_URL=${endpoint}`,
    `  export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_REGION=${region}`,
  ];
}

/** The first Ctrl-C (or SIGTERM) stops cleanly; a second one leaves at once. */
function handleSignals(local: RunningLocalEcs): { requested: boolean } {
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
    local.stop().then(
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
