import { CreateClusterCommand, DescribeServicesCommand, ECSClient, ListTasksCommand, RegisterTaskDefinitionCommand } from "@aws-sdk/client-ecs";
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { measureLoadBalancerThroughput } from "../dataplane/throughput";
import { benchServiceName, createBenchServices } from "./create-services";

/**
 * `npm run bench:emulator`: loads local ECS with 1,000 services of 5 tasks, then measures API
 * latency (at the client, SDK included) and local ECS's idle CPU and memory. Local ECS runs in
 * a child process so that its CPU time can be read from /proc without the bench's own. Last, the
 * load balancer's throughput, measured in this process once the child is idle again.
 */
const SERVICES = 1000;
const TASKS_PER_SERVICE = 5;
const DESCRIBE_CALLS = 1000;
const LIST_CALLS = 500;
const IDLE_SECONDS = 10;
/** Enough for a second or more of each measurement: 2,000 (the default) passes in a blink, and the figure wobbles. */
const THROUGHPUT_REQUESTS = 20_000;
const LOAD_DEADLINE_MS = 15 * 60_000;
const CLUSTER = "bench";
const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** `node --import tsx` rather than the `tsx` command, which would put a wrapper process between us and local ECS. */
function startLocalEcs(port: number, dataDir: string): ChildProcess {
  const args = ["--import", "tsx", "emulator/main.ts", "--no-seed", "--data-dir", dataDir, "--time-scale", "60", "--port", String(port)];
  return spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ["ignore", "ignore", "inherit"] });
}

async function waitUntilListening(endpoint: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`local ECS exited with code ${child.exitCode} before listening`);
    try {
      if ((await fetch(endpoint)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error("local ECS did not start listening within 30 s");
}


async function load(ecs: ECSClient): Promise<void> {
  await ecs.send(new CreateClusterCommand({ clusterName: CLUSTER }));
  await ecs.send(
    new RegisterTaskDefinitionCommand({
      family: "bench-app",
      networkMode: "awsvpc",
      requiresCompatibilities: ["FARGATE"],
      cpu: "256",
      memory: "512",
      containerDefinitions: [{ name: "app", image: "public.ecr.aws/slipway/bench:1.0.0", essential: true, portMappings: [{ containerPort: 8080 }] }],
    }),
  );
  await createBenchServices(ecs, SERVICES, {
    cluster: CLUSTER,
    taskDefinition: "bench-app",
    desiredCount: TASKS_PER_SERVICE,
    launchType: "FARGATE",
    networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-0bench"], securityGroups: ["sg-0bench"] } },
  });
}

async function runningTasks(ecs: ECSClient): Promise<number> {
  let running = 0;
  for (let start = 0; start < SERVICES; start += 10) {
    const names = Array.from({ length: 10 }, (_, k) => benchServiceName(start + k));
    const { services } = await ecs.send(new DescribeServicesCommand({ cluster: CLUSTER, services: names }));
    for (const service of services ?? []) running += service.runningCount ?? 0;
  }
  return running;
}

async function waitForAllRunning(ecs: ECSClient): Promise<void> {
  const target = SERVICES * TASKS_PER_SERVICE;
  const deadline = Date.now() + LOAD_DEADLINE_MS;
  for (;;) {
    const running = await runningTasks(ecs);
    process.stdout.write(`\r  ${running} / ${target} tasks RUNNING`);
    if (running >= target) break;
    if (Date.now() > deadline) throw new Error(`only ${running} of ${target} tasks were RUNNING after ${LOAD_DEADLINE_MS / 60_000} minutes`);
    await sleep(2000);
  }
  process.stdout.write("\n");
}

async function timeCalls(calls: number, call: (i: number) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < calls; i++) {
    const started = performance.now();
    await call(i);
    samples.push(performance.now() - started);
  }
  return samples.sort((a, b) => a - b);
}

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

/** CPU seconds (user + system) the process has used so far. */
function cpuSeconds(pid: number, clockTick: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name, which is in parentheses and may contain spaces.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / clockTick;
}

function rssMiB(pid: number): number {
  const kib = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? Number.NaN);
  return kib / 1024;
}

/** Task servers are real listening sockets: their count shows the tasks are really running. */
function openSockets(pid: number): number {
  let sockets = 0;
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      if (readlinkSync(`/proc/${pid}/fd/${fd}`).startsWith("socket:")) sockets++;
    } catch {
      // closed while we looked
    }
  }
  return sockets;
}

const ms = (value: number) => `${value.toFixed(2)} ms`;
const row = (cells: string[]) => cells.map((cell, i) => cell.padEnd([42, 16, 10, 10, 12][i] ?? 0)).join(" ").trimEnd();

async function measure(ecs: ECSClient, pid: number): Promise<void> {
  const names = Array.from({ length: SERVICES }, (_, i) => benchServiceName(i));
  const tenServices = (i: number) => names.slice((i * 10) % SERVICES, ((i * 10) % SERVICES) + 10);
  await timeCalls(100, (i) => ecs.send(new DescribeServicesCommand({ cluster: CLUSTER, services: tenServices(i) })));
  const describe = await timeCalls(DESCRIBE_CALLS, (i) => ecs.send(new DescribeServicesCommand({ cluster: CLUSTER, services: tenServices(i * 7) })));
  const listService = await timeCalls(LIST_CALLS, (i) => ecs.send(new ListTasksCommand({ cluster: CLUSTER, serviceName: names[(i * 13) % SERVICES] })));
  const listCluster = await timeCalls(LIST_CALLS, () => ecs.send(new ListTasksCommand({ cluster: CLUSTER, maxResults: 100 })));

  const clockTick = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  await sleep(2000);
  const before = cpuSeconds(pid, clockTick);
  await sleep(IDLE_SECONDS * 1000);
  const idleCpu = ((cpuSeconds(pid, clockTick) - before) / IDLE_SECONDS) * 100;
  const describeP50 = percentile(describe, 0.5);

  console.log(`\n${row(["measure", "p50", "p95", "p99", "target", "result"])}`);
  console.log(row([`DescribeServices, 10 per call (n=${describe.length})`, ms(describeP50), ms(percentile(describe, 0.95)), ms(percentile(describe, 0.99)), "p50 < 5 ms", describeP50 < 5 ? "PASS" : "MISS"]));
  console.log(row([`ListTasks, one service (n=${listService.length})`, ms(percentile(listService, 0.5)), ms(percentile(listService, 0.95)), "", "", ""]));
  console.log(row([`ListTasks, cluster page of 100 (n=${listCluster.length})`, ms(percentile(listCluster, 0.5)), ms(percentile(listCluster, 0.95)), "", "", ""]));
  console.log(row([`idle CPU over ${IDLE_SECONDS} s`, `${idleCpu.toFixed(1)} % of a core`, "", "", "< 10 %", idleCpu < 10 ? "PASS" : "MISS"]));
  console.log(row(["resident memory (RSS)", `${rssMiB(pid).toFixed(0)} MiB`]));
  console.log(row(["open sockets", String(openSockets(pid))]));
}

/** Requests per second through a listener to 4 targets, beside the same requests straight to one target. */
async function measureThroughput(): Promise<void> {
  const result = await measureLoadBalancerThroughput({ targets: 4, requests: THROUGHPUT_REQUESTS });
  const { viaListener, direct } = result;
  const rate = (value: number) => `${Math.round(value).toLocaleString("en-US")} req/s`;
  const requests = `n=${viaListener.requests}, ${result.concurrency} at once`;
  console.log(`\n${row(["measure", "throughput", "errors", "seconds"])}`);
  console.log(row([`listener → ${result.targets} targets (${requests})`, rate(viaListener.requestsPerSecond), String(viaListener.errors), viaListener.seconds.toFixed(2)]));
  console.log(row([`one target directly (${requests})`, rate(direct.requestsPerSecond), String(direct.errors), direct.seconds.toFixed(2)]));
  console.log(row(["listener ÷ direct", `${((viaListener.requestsPerSecond / direct.requestsPerSecond) * 100).toFixed(0)} %`]));
}

async function main(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  const dataDir = mkdtempSync(join(tmpdir(), "slipway-bench-"));
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const child = startLocalEcs(port, dataDir);
  const ecs = new ECSClient({ endpoint, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" } });
  const cleanUp = async () => {
    ecs.destroy();
    if (child.exitCode === null) {
      const stopping = performance.now();
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      const stuck = setTimeout(() => child.kill("SIGKILL"), 30_000);
      await exited;
      clearTimeout(stuck);
      console.log(`local ECS stopped in ${((performance.now() - stopping) / 1000).toFixed(1)} s`);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  process.once("SIGINT", () => void cleanUp().then(() => process.exit(130)));
  try {
    await waitUntilListening(endpoint, child);
    console.log(`local ECS (pid ${child.pid}) at ${endpoint}, time scale 60, data in ${dataDir}`);
    const loadStarted = performance.now();
    await load(ecs);
    console.log(`Created ${SERVICES} services of ${TASKS_PER_SERVICE} tasks in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s; waiting for every task to run…`);
    await waitForAllRunning(ecs);
    console.log(`All ${SERVICES * TASKS_PER_SERVICE} tasks RUNNING ${((performance.now() - loadStarted) / 1000).toFixed(1)} s after the first call.`);
    await measure(ecs, child.pid!);
    await measureThroughput();
  } finally {
    await cleanUp();
  }
}

main().catch((error: unknown) => {
  console.error(`\nbench:emulator failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
