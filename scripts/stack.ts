import { launchFromCommandLine } from "../emulator/main";
import { buildNeeded } from "./build-freshness";
import { join } from "node:path";
import { buildDashboard, ROOT, startDashboard, type DashboardMode, type DashboardTarget, type RunningDashboard } from "./dashboard";
import { dashboardAddress } from "./dashboard-address";
import { signInSecrets } from "./sign-in-secrets";

/**
 * `npm start` and `npm run dev`: local ECS (seeded with the demo account on first start), and
 * the dashboard beside it as a child process pointed at it. They start together, so the
 * dashboard can be built while the demo is created; Ctrl-C stops the dashboard, then local ECS.
 * With `--aws`, the dashboard alone, against real AWS.
 */
const SYNTHETIC_REQUESTS_PER_SECOND = 5;
/** The dashboard's own data (its session secret, the demo admin's password, the audit log). */
const DATA_DIR = process.env.SLIPWAY_DATA_DIR ?? join(ROOT, ".data", "dashboard");

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

class DashboardSupervisor {
  private readonly abort = new AbortController();
  private readonly secrets = signInSecrets(DATA_DIR);
  private running: RunningDashboard | undefined;
  /** Settles once the dashboard serves, or could not start, or was stopped while starting. */
  private ready: Promise<void> = Promise.resolve();

  constructor(private readonly mode: DashboardMode) {
    // A second Ctrl-C leaves at once: the dashboard must not outlive us.
    process.once("exit", () => this.running?.process.kill("SIGTERM"));
  }

  start(target: DashboardTarget): void {
    this.ready = this.launch(target).then(
      (running) => {
        this.running = running;
        console.log(`\nSlipway dashboard: ${running.url}${target === "aws" ? AWS_NOTE : ""}`);
        console.log(`Sign in as admin with the password ${this.secrets.adminPassword} (kept in ${DATA_DIR}).\n`);
        void running.exited.then((code) => {
          if (!this.abort.signal.aborted) console.error(`\nThe dashboard stopped (exit code ${code}). Local ECS keeps running; Ctrl-C stops it.`);
        });
      },
      (error: unknown) => {
        if (!this.abort.signal.aborted) console.error(`\nThe dashboard could not start: ${messageOf(error)}\nLocal ECS keeps running; Ctrl-C stops it.`);
      },
    );
  }

  private async launch(target: DashboardTarget): Promise<RunningDashboard> {
    if (this.mode === "start") await this.buildIfNeeded();
    const { host, port } = await dashboardAddress(process.env);
    const onOutput = (line: string) => console.log(`dashboard: ${line}`);
    const signIn = { sessionSecret: this.secrets.sessionSecret, adminPassword: this.secrets.adminPassword };
    return startDashboard({ mode: this.mode, target, host, port, onOutput, signIn, signal: this.abort.signal });
  }

  private async buildIfNeeded(): Promise<void> {
    const reason = buildNeeded(ROOT);
    if (!reason) return;
    console.log(`\nBuilding the dashboard, as ${reason} (usually well under a minute)…`);
    const started = performance.now();
    await buildDashboard(this.abort.signal);
    console.log(`Dashboard built in ${Math.round((performance.now() - started) / 1000)} s.`);
  }

  /** Stops a build or a start in progress too. */
  async stop(): Promise<void> {
    this.abort.abort();
    await this.ready;
    await this.running?.stop();
  }
}

const AWS_NOTE =
  "\nIt talks to real AWS with the standard credential chain and shared config files (~/.aws): choose the region and profile at the top of the page.";

/** The dashboard alone, against real AWS: nothing else is started, and local ECS's flags make no sense here. */
function runAgainstAws(program: string, mode: DashboardMode, argv: string[]): void {
  const others = argv.filter((arg) => arg !== "--aws");
  if (others.length > 0) {
    console.error(`${program} -- --aws takes no other options (got ${others.join(" ")}). Local ECS's options apply without --aws.`);
    process.exit(2);
  }
  const dashboard = new DashboardSupervisor(mode);
  console.log(`Starting the Slipway dashboard against real AWS (--aws)…`);
  dashboard.start("aws");
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void dashboard.stop().then(() => process.exit(0)));
  }
}

export function runStack(program: string, mode: DashboardMode): void {
  const argv = process.argv.slice(2);
  if (argv.includes("--aws")) return runAgainstAws(program, mode, argv);
  const dashboard = new DashboardSupervisor(mode);
  launchFromCommandLine({
    program: `${program} --`,
    argv,
    defaults: { syntheticTraffic: SYNTHETIC_REQUESTS_PER_SECOND },
    notes: () => ["", `The Slipway dashboard starts beside it (next ${mode}) and prints its address when it is ready.`],
    onListening: (endpoint, region) => dashboard.start({ endpoint, region }),
    beforeStop: () => dashboard.stop(),
  }).catch((error: unknown) => {
    console.error(`${program} failed: ${messageOf(error)}`);
    process.exit(1);
  });
}
