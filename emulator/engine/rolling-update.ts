import type { Deployment } from "@aws-sdk/client-ecs";
import type { ServiceRecord } from "../store/records";
import { rollingBounds } from "./rolling-math";
import type { ServiceTasks } from "./service-tasks";

/**
 * One step of a ROLLING update (spec §2): old deployments' tasks stop while at least
 * `ceil(desired × min%)` tasks stay healthy, and new ones start while at most
 * `floor(desired × max%)` run or are pending. A FAILED deployment launches nothing.
 */
export function stepRollingUpdate(tasks: ServiceTasks, record: ServiceRecord, primary: Deployment, now: number): void {
  if (primary.rolloutState === "FAILED") return;
  const desired = record.service.desiredCount ?? 0;
  const { lower, upper } = rollingBounds(desired, record.service.deploymentConfiguration);
  stopSuperseded(tasks, record, primary, lower, now);
  const mine = tasks.live(record, primary.id);
  if (mine.length > desired) return tasks.scale(record, primary, desired, now);
  const room = upper - tasks.live(record).length;
  tasks.launch(record, primary, Math.min(room, desired - mine.length));
}

function stopSuperseded(tasks: ServiceTasks, record: ServiceRecord, primary: Deployment, lower: number, now: number): void {
  const live = tasks.live(record);
  let healthyCount = live.filter((t) => tasks.healthy(t, now)).length;
  const old = live.filter((t) => t.deploymentId !== primary.id);
  const toStop = old.filter((t) => !tasks.healthy(t, now));
  for (const task of old.filter((t) => tasks.healthy(t, now))) {
    if (healthyCount - 1 < lower) break;
    healthyCount--;
    toStop.push(task);
  }
  tasks.stop(record, toStop, `Scaling activity initiated by (deployment ${primary.id})`, false);
}

/** Steady: the primary has every task healthy and no older deployment has a task left. */
export function isSteady(tasks: ServiceTasks, record: ServiceRecord, primary: Deployment, now: number): boolean {
  const all = tasks.all(record);
  if (all.some((t) => t.deploymentId !== primary.id && t.task.lastStatus !== "STOPPED")) return false;
  const live = tasks.live(record);
  const healthy = live.filter((t) => t.deploymentId === primary.id && tasks.healthy(t, now)).length;
  return healthy === (record.service.desiredCount ?? 0) && live.length === healthy;
}
