import type { HealthStatus } from "@aws-sdk/client-ecs";
import type { TargetHealthStateEnum } from "@aws-sdk/client-elastic-load-balancing-v2";
import type { StatusText, StatusTone } from "./deployment-text";

/** Status words of a service, its tasks and its load balancer targets, each with the tone its badge takes. */

/** "ACTIVE" → "Active"; any word ECS adds later still reads. */
function word(code: string): string {
  const words = code.toLowerCase().replaceAll("_", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function toned(code: string | undefined, tones: Readonly<Record<string, StatusTone>>): StatusText {
  if (!code) return { label: "Unknown", tone: "neutral" };
  return { label: word(code), tone: tones[code] ?? "neutral" };
}

export function serviceStatusText(status: string | undefined): StatusText {
  return toned(status, { ACTIVE: "ok", DRAINING: "warn", INACTIVE: "neutral" });
}

const TASK_TONES: Readonly<Record<string, StatusTone>> = {
  PROVISIONING: "info",
  PENDING: "info",
  ACTIVATING: "info",
  RUNNING: "ok",
  DEACTIVATING: "warn",
  STOPPING: "warn",
  DEPROVISIONING: "warn",
  STOPPED: "neutral",
};

export function taskStatusText(lastStatus: string | undefined): StatusText {
  return toned(lastStatus, TASK_TONES);
}

/** A task's health; undefined for UNKNOWN or none, where a badge would only add noise. */
export function taskHealthText(health: HealthStatus | undefined): StatusText | undefined {
  if (health === "HEALTHY") return { label: "Healthy", tone: "ok" };
  if (health === "UNHEALTHY") return { label: "Unhealthy", tone: "danger" };
  return undefined;
}

const TARGET_TONES: Readonly<Record<TargetHealthStateEnum, StatusTone>> = {
  healthy: "ok",
  initial: "info",
  draining: "warn",
  unhealthy: "danger",
  "unhealthy.draining": "danger",
  unused: "neutral",
  unavailable: "neutral",
};

/** ELBv2's own words for a target's state, capitalised: "Healthy", "Initial", "Unhealthy.draining". */
export function targetStateText(state: TargetHealthStateEnum | undefined): StatusText {
  if (!state) return { label: "Unknown", tone: "neutral" };
  return { label: state.charAt(0).toUpperCase() + state.slice(1), tone: TARGET_TONES[state] ?? "neutral" };
}

/** The words beside a service's name: its status, then what its deployments are doing, if anything. */
export function serviceBadges(
  summary: { status?: string; rollout: { state?: string; inProgress: boolean } },
  ongoing: readonly { awaitingApproval?: unknown }[],
): StatusText[] {
  const badges = [serviceStatusText(summary.status)];
  if (ongoing.some((deployment) => deployment.awaitingApproval)) badges.push({ label: "Awaiting approval", tone: "warn" });
  else if (summary.rollout.inProgress || ongoing.length > 0) badges.push({ label: "Deploying", tone: "info" });
  else if (summary.rollout.state === "FAILED") badges.push({ label: "Last deployment failed", tone: "danger" });
  return badges;
}
