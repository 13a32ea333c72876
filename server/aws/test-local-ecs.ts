import "server-only";
import { CreateServiceCommand, RunTaskCommand, type ECSClient } from "@aws-sdk/client-ecs";
import { afterEach, beforeEach, vi } from "vitest";
import type { LocalEcsOptions } from "@/emulator/local-ecs";
import { createFargateCluster, NETWORK, registerWebApp } from "@/emulator/test/fixtures";
import { startTestEmulator, type TestEmulator } from "@/emulator/test/harness";
import { destroyClients } from "./clients";
import { configureReadCache } from "./coalescing";
import type { Connection } from "./connection";
import { resetAwsCallCounts } from "./instrumentation";

/**
 * Test support for this folder: a real local ECS in this process that counts the requests it
 * answers, per operation, so a test can assert what a page costs where AWS would bill it.
 */
export interface CountedLocalEcs extends TestEmulator {
  /** Requests answered for `operation` (e.g. "DescribeServices") since the last reset. */
  calls(operation: string): number;
  /** Zeroes both counts of the same calls: local ECS's, and the dashboard layer's own. */
  resetCalls(): void;
}

export const CONNECTION: Connection = { region: "us-east-1" };

export async function startCountedLocalEcs(options: Partial<LocalEcsOptions> = {}): Promise<CountedLocalEcs> {
  const counts = new Map<string, number>();
  const local = await startTestEmulator({
    ...options,
    onRequest: (request) => {
      counts.set(request.operation, (counts.get(request.operation) ?? 0) + 1);
      options.onRequest?.(request);
    },
  });
  const resetCalls = () => {
    counts.clear();
    resetAwsCallCounts();
  };
  return { ...local, calls: (operation) => counts.get(operation) ?? 0, resetCalls };
}

/**
 * For every test of the calling file: the layer points at `local()` with fresh clients, cache
 * and call counts, and forgets it afterwards.
 */
export function measureEachTestAgainst(local: () => CountedLocalEcs): void {
  beforeEach(() => {
    useEndpoint(local().emulator.endpoint);
    local().resetCalls();
  });
  afterEach(forgetEndpoint);
}

/**
 * Points the SDK at `endpoint` through its own variables, as `npm start` does for the
 * dashboard, with fresh clients and an empty read cache. Undo with `forgetEndpoint`.
 */
export function useEndpoint(endpoint: string): void {
  vi.stubEnv("SLIPWAY_TARGET", "local");
  vi.stubEnv("AWS_ENDPOINT_URL_ECS", endpoint);
  vi.stubEnv("AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2", endpoint);
  vi.stubEnv("AWS_ENDPOINT_URL_CLOUDWATCH", endpoint);
  destroyClients();
  configureReadCache();
}

export function forgetEndpoint(): void {
  vi.unstubAllEnvs();
  destroyClients();
  configureReadCache();
}

/** A Fargate cluster with `services` empty services (svc-00, svc-01…) and `tasks` standalone tasks; returns the task ARNs. */
export async function seedCluster(ecs: ECSClient, cluster: string, counts: { services: number; tasks: number }): Promise<string[]> {
  await createFargateCluster(ecs, cluster);
  const taskDefinition = await registerWebApp(ecs, "batch-app", "public.ecr.aws/slipway/web:1.0.0", [], { containerHealthCheck: false });
  for (let i = 0; i < counts.services; i++) {
    const serviceName = `svc-${String(i).padStart(2, "0")}`;
    await ecs.send(new CreateServiceCommand({ cluster, serviceName, taskDefinition, desiredCount: 0, networkConfiguration: NETWORK }));
  }
  const taskArns: string[] = [];
  // RunTask starts at most 10 tasks a call.
  for (let left = counts.tasks; left > 0; left -= 10) {
    const { tasks } = await ecs.send(new RunTaskCommand({ cluster, taskDefinition, count: Math.min(10, left), networkConfiguration: NETWORK }));
    taskArns.push(...(tasks ?? []).map((task) => task.taskArn!));
  }
  return taskArns;
}
