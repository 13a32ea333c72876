process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
import { CreateClusterCommand, DescribeClustersCommand, DescribeServicesCommand, ECSClient, ListTasksCommand, RegisterTaskDefinitionCommand } from "@aws-sdk/client-ecs";
import { gzipSync } from "node:zlib";
import { benchServiceName, createBenchServices } from "../emulator/bench/create-services";
import { startLocalEcs, type RunningLocalEcs } from "../emulator/local-ecs";
import { buildNeeded } from "./build-freshness";
import { randomBytes } from "node:crypto";
import { buildDashboard, firstFreePort, ROOT, startDashboard, type RunningDashboard } from "./dashboard";
import { cookieHeader, signInOverHttp } from "./sign-in-over-http";

/**
 * `npm run bench:dashboard`: local ECS with 2,000 services and 10,000 running tasks, and the
 * dashboard's production build pointed at it. Measures, for each browse page:
 *
 *   (a) the AWS calls one page load costs (the page and what the browser reads beside it, a
 *       big cluster's tasks table), counted at local ECS per operation, against the minimum
 *       that batching allows (the formulas in server/ecs/*.ts);
 *   (b) the server's response time for the cluster page (and its live route), p50 and p95,
 *       each load after the shared read cache has expired, so every load pays its AWS calls;
 *   (c) the first-load JavaScript of each route: the scripts its HTML loads, gzipped.
 *
 * It prints figures; it asserts only (a), whose numbers are exact.
 */
const SERVICES = 2_000;
const TASKS_PER_SERVICE = 5;
const TASKS = SERVICES * TASKS_PER_SERVICE;
const CLUSTER = "bench";
const REGION = "us-east-1";
const TIMED_LOADS = 15;
/** The shared read cache keeps results for a second: wait it out so each load is a cold one. */
const CACHE_TTL_MS = 1_000;
const JS_BUDGET_KB = 200;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ceil = (n: number, per: number) => Math.ceil(n / per);


async function load(ecs: ECSClient): Promise<void> {
  await ecs.send(
    new CreateClusterCommand({ clusterName: CLUSTER, capacityProviders: ["FARGATE"], defaultCapacityProviderStrategy: [{ capacityProvider: "FARGATE", weight: 1 }] }),
  );
  // No port mappings: 10,000 tasks, but no listening sockets to spare the machine.
  const { taskDefinition } = await ecs.send(
    new RegisterTaskDefinitionCommand({
      family: "bench-worker",
      networkMode: "awsvpc",
      requiresCompatibilities: ["FARGATE"],
      cpu: "256",
      memory: "512",
      containerDefinitions: [{ name: "worker", image: "public.ecr.aws/slipway/worker:1.0.0", essential: true }],
    }),
  );
  const networkConfiguration = { awsvpcConfiguration: { subnets: ["subnet-0a1b2c3d4e5f67890"], assignPublicIp: "DISABLED" as const } };
  await createBenchServices(ecs, SERVICES, {
    cluster: CLUSTER,
    taskDefinition: taskDefinition!.taskDefinitionArn,
    desiredCount: TASKS_PER_SERVICE,
    networkConfiguration,
  });
}

async function waitForAllRunning(ecs: ECSClient): Promise<void> {
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    const { clusters } = await ecs.send(new DescribeClustersCommand({ clusters: [CLUSTER] }));
    const running = clusters?.[0]?.runningTasksCount ?? 0;
    process.stdout.write(`\r  ${running.toLocaleString("en-US")} / ${TASKS.toLocaleString("en-US")} tasks RUNNING`);
    if (running >= TASKS) break;
    if (Date.now() > deadline) throw new Error(`only ${running} tasks were RUNNING after 10 minutes`);
    await sleep(1_000);
  }
  // Deployments complete a little after their last task runs.
  await sleep(3_000);
  process.stdout.write("\n");
}

type Counts = Map<string, number>;

interface PageCase {
  name: string;
  path: string;
  /** What the browser reads on its own as the page loads: a big cluster's tasks table. */
  alsoLoads?: string[];
  /** The minimum calls per operation, from the read model's formula. */
  minimum: Record<string, number>;
}

function pageCases(taskId: string): PageCase[] {
  return [
    {
      name: "clusters overview",
      path: "/",
      minimum: { ListClusters: 1, DescribeClusters: 1, ListServices: ceil(SERVICES, 100), DescribeServices: ceil(SERVICES, 10) },
    },
    {
      name: "cluster",
      path: `/clusters/${CLUSTER}`,
      alsoLoads: [`/api/clusters/${CLUSTER}/tasks`],
      minimum: {
        DescribeClusters: 1,
        ListServices: ceil(SERVICES, 100),
        DescribeServices: ceil(SERVICES, 10),
        // Running tasks in pages of 100, and one (empty) page of stopped ones.
        ListTasks: ceil(TASKS, 100) + 1,
        DescribeTasks: ceil(TASKS, 100),
      },
    },
    {
      name: "service",
      path: `/clusters/${CLUSTER}/services/${benchServiceName(0)}`,
      minimum: { DescribeServices: 1, ListServiceDeployments: 1, DescribeServiceDeployments: 1, DescribeServiceRevisions: 1, ListTasks: 2, DescribeTasks: 1 },
    },
    { name: "task", path: `/clusters/${CLUSTER}/tasks/${taskId}`, minimum: { DescribeTasks: 1, DescribeTaskDefinition: 1 } },
  ];
}

/** The benchmark reads pages as the signed-in demo admin. */
const ADMIN_PASSWORD = randomBytes(12).toString("base64url");
let session = "";

async function fetchPage(url: string): Promise<string> {
  const response = await fetch(url, { headers: { cookie: session }, redirect: "manual" });
  const body = await response.text();
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  return body;
}

/** (a): one cold load of each page, its calls counted at local ECS. */
async function measureCalls(dashboard: string, cases: PageCase[], counts: Counts): Promise<boolean> {
  let allMinimal = true;
  console.log("\n(a) AWS calls per page load, counted at local ECS (actual / minimum):");
  for (const page of cases) {
    await sleep(CACHE_TTL_MS + 100);
    counts.clear();
    await Promise.all([page.path, ...(page.alsoLoads ?? [])].map((path) => fetchPage(dashboard + path)));
    const operations = new Set([...counts.keys(), ...Object.keys(page.minimum)]);
    const rows = [...operations].sort().map((operation) => {
      const actual = counts.get(operation) ?? 0;
      const minimum = page.minimum[operation] ?? 0;
      if (actual !== minimum) allMinimal = false;
      return `${operation} ${actual}/${minimum}${actual === minimum ? "" : " ✗"}`;
    });
    const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
    console.log(`  ${page.name.padEnd(18)} ${String(total).padStart(4)} calls: ${rows.join(", ")}`);
  }
  return allMinimal;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** (b): cold loads of a path, timed to the last byte. */
async function measureResponseTimes(url: string): Promise<{ p50: number; p95: number; bytes: number }> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < TIMED_LOADS; i++) {
    await sleep(CACHE_TTL_MS + 100);
    const started = performance.now();
    bytes = (await fetchPage(url)).length;
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), bytes };
}

/**
 * (c): every script the page's HTML loads, fetched and gzipped as a browser would receive it.
 * Scripts marked `nomodule` (Next's polyfills) are run only by browsers without JavaScript
 * modules, which no supported browser lacks: they are counted apart.
 */
async function firstLoadJs(dashboard: string, path: string): Promise<{ files: number; gzipBytes: number; noModuleBytes: number }> {
  const html = await fetchPage(dashboard + path);
  const scripts = [...html.matchAll(/<script([^>]*)\ssrc="([^"]+\.js[^"]*)"([^>]*)>/g)].map((match) => ({
    source: match[2].replaceAll("&amp;", "&"),
    noModule: /\snomodule/i.test(match[1] + match[3]),
  }));
  const unique = new Map(scripts.map((script) => [script.source, script.noModule]));
  let gzipBytes = 0;
  let noModuleBytes = 0;
  for (const [source, noModule] of unique) {
    const size = gzipSync(Buffer.from(await (await fetch(new URL(source, dashboard))).arrayBuffer())).length;
    if (noModule) noModuleBytes += size;
    else gzipBytes += size;
  }
  return { files: [...unique.values()].filter((noModule) => !noModule).length, gzipBytes, noModuleBytes };
}

async function main(): Promise<void> {
  const counts: Counts = new Map();
  let local: RunningLocalEcs | undefined;
  let dashboard: RunningDashboard | undefined;
  try {
    local = await startLocalEcs({
      port: 0,
      host: "127.0.0.1",
      timeScale: 60,
      region: REGION,
      onRequest: (request) => counts.set(request.operation, (counts.get(request.operation) ?? 0) + 1),
    });
    const ecs = new ECSClient({ endpoint: local.endpoint, region: REGION, credentials: { accessKeyId: "local-ecs", secretAccessKey: "local-ecs" } });
    console.log(`Loading local ECS with ${SERVICES.toLocaleString("en-US")} services of ${TASKS_PER_SERVICE} tasks…`);
    const reason = buildNeeded(ROOT);
    if (reason) console.log(`Building the dashboard, as ${reason}…`);
    await Promise.all([load(ecs).then(() => waitForAllRunning(ecs)), reason ? buildDashboard() : undefined]);

    const port = await firstFreePort(3300, "127.0.0.1");
    const signIn = { sessionSecret: randomBytes(32).toString("base64url"), adminPassword: ADMIN_PASSWORD };
    dashboard = await startDashboard({ mode: "start", target: { endpoint: local.endpoint, region: REGION }, port, signIn });
    session = cookieHeader(await signInOverHttp(dashboard.url, "admin", ADMIN_PASSWORD));
    const taskArn = (await ecs.send(new ListTasksCommand({ cluster: CLUSTER, serviceName: benchServiceName(0) }))).taskArns![0];
    const cases = pageCases(taskArn.slice(taskArn.lastIndexOf("/") + 1));
    // A first load of each page warms Next's server up; it is not measured.
    for (const page of cases) await fetchPage(dashboard.url + page.path);

    const minimal = await measureCalls(dashboard.url, cases, counts);

    console.log(`\n(b) Cluster page server responses, ${TIMED_LOADS} cold loads each (target p50 < 1,000 ms for the page):`);
    for (const [what, path] of [
      ["page HTML", `/clusters/${CLUSTER}`],
      ["live route (JSON)", `/api/clusters/${CLUSTER}`],
      ["tasks route (JSON)", `/api/clusters/${CLUSTER}/tasks`],
    ]) {
      const { p50, p95, bytes } = await measureResponseTimes(dashboard.url + path);
      console.log(`  ${what.padEnd(18)} p50 ${p50.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms, ${(bytes / 1024).toFixed(0)} KiB`);
    }

    console.log(`\n(c) First-load JavaScript, gzipped (budget ${JS_BUDGET_KB} KB):`);
    const service = benchServiceName(0);
    const { services } = await ecs.send(new DescribeServicesCommand({ cluster: CLUSTER, services: [service] }));
    const deploymentId = services![0]!.currentServiceDeployment!.split("/").pop()!;
    const otherPages = [
      { name: "task definitions", path: "/task-definitions" },
      { name: "revision", path: "/task-definitions/bench-worker/1" },
      { name: "editor", path: "/task-definitions/new?from=bench-worker%3A1" },
      { name: "compare", path: "/task-definitions/compare?left=bench-worker%3A1&right=bench-worker%3A1" },
      { name: "deploy wizard", path: `/clusters/${CLUSTER}/services/${service}/deploy` },
      { name: "create service", path: `/clusters/${CLUSTER}/create-service` },
      { name: "rollout", path: `/clusters/${CLUSTER}/services/${service}/deployments/${deploymentId}` },
      { name: "approvals", path: "/approvals" },
    ];
    for (const page of [...cases, ...otherPages]) {
      const { files, gzipBytes, noModuleBytes } = await firstLoadJs(dashboard.url, page.path);
      const kb = gzipBytes / 1000;
      const polyfills = noModuleBytes ? ` (+${(noModuleBytes / 1000).toFixed(1)} KB of nomodule polyfills for browsers without modules)` : "";
      console.log(`  ${page.name.padEnd(18)} ${kb.toFixed(1)} KB in ${files} scripts${kb > JS_BUDGET_KB ? " ✗ over budget" : ""}${polyfills}`);
    }
    if (!minimal) process.exitCode = 1;
  } finally {
    await dashboard?.stop();
    await local?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
