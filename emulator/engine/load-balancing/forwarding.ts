import type { Action } from "@aws-sdk/client-elastic-load-balancing-v2";
import { isIP } from "node:net";
import type { RegisteredTarget } from "../../store/elb-records";

/**
 * How a forward action picks a target group and then a target: weights, group stickiness and
 * round-robin over healthy targets, with ALB's fail-open when none is healthy.
 */
export interface WeightedGroup {
  targetGroupArn: string;
  weight: number;
}

export const STICKINESS_COOKIE = "AWSALBTG";

/** A lone TargetGroupArn is a weight of 1; ForwardConfig weights are clamped to ALB's 0–999. */
export function forwardGroups(action: Action): WeightedGroup[] {
  const tuples = action.ForwardConfig?.TargetGroups ?? [];
  if (tuples.length === 0) return action.TargetGroupArn ? [{ targetGroupArn: action.TargetGroupArn, weight: 1 }] : [];
  return tuples
    .filter((tuple) => tuple.TargetGroupArn)
    .map((tuple) => ({ targetGroupArn: tuple.TargetGroupArn!, weight: Math.min(999, Math.max(0, Math.floor(tuple.Weight ?? 1))) }));
}

/**
 * Smooth weighted round-robin (as nginx does it): 90/10 sends exactly one request in ten to
 * the second group, spread out, so a canary's share is visible even at a few requests a second.
 * State is kept per action and starts over when the weights change.
 */
export class WeightedGroupChooser {
  private readonly states = new Map<string, { signature: string; current: number[] }>();

  choose(actionKey: string, groups: WeightedGroup[]): WeightedGroup | undefined {
    const total = groups.reduce((sum, group) => sum + group.weight, 0);
    if (total === 0) return undefined;
    const signature = groups.map((g) => `${g.targetGroupArn}=${g.weight}`).join(",");
    let state = this.states.get(actionKey);
    if (!state || state.signature !== signature) {
      state = { signature, current: groups.map(() => 0) };
      this.states.set(actionKey, state);
    }
    let best = -1;
    for (let i = 0; i < groups.length; i++) {
      state.current[i] += groups[i].weight;
      if (groups[i].weight > 0 && (best < 0 || state.current[i] > state.current[best])) best = i;
    }
    state.current[best] -= total;
    return groups[best];
  }

  forget(actionKey: string): void {
    this.states.delete(actionKey);
  }
}

/** The group a client's AWSALBTG cookie names, while that group still takes traffic in this action. */
export function stickyGroup(cookieHeader: string | undefined, groups: WeightedGroup[]): WeightedGroup | undefined {
  const value = cookieValue(cookieHeader, STICKINESS_COOKIE);
  if (value === undefined) return undefined;
  let arn: string;
  try {
    arn = decodeURIComponent(value);
  } catch {
    return undefined;
  }
  return groups.find((group) => group.targetGroupArn === arn && group.weight > 0);
}

export function cookieValue(cookieHeader: string | undefined, name: string): string | undefined {
  for (const part of (cookieHeader ?? "").split(";")) {
    const equals = part.indexOf("=");
    if (equals > 0 && part.slice(0, equals).trim() === name) return part.slice(equals + 1).trim();
  }
  return undefined;
}

/**
 * The Set-Cookie that pins a client to a group. The browser counts Max-Age in real seconds,
 * so DurationSeconds (emulated) is scaled down like every other emulated span.
 */
export function stickinessCookie(targetGroupArn: string, durationSeconds: number, timeScale: number): string {
  const realSeconds = Math.max(1, Math.ceil(durationSeconds / timeScale));
  return `${STICKINESS_COOKIE}=${encodeURIComponent(targetGroupArn)}; Max-Age=${realSeconds}; Path=/`;
}

/** Healthy targets; if none, every registered target that is not draining (ALB fails open). */
export function routableTargets(targets: RegisteredTarget[]): RegisteredTarget[] {
  const healthy = targets.filter((target) => target.state === "healthy");
  if (healthy.length > 0) return healthy;
  return targets.filter((target) => target.state !== "draining" && target.state !== "unhealthy.draining");
}

/** Round-robin over a group's routable targets, one cursor per group. */
export class TargetRotation {
  private readonly cursors = new Map<string, number>();

  next(targetGroupArn: string, targets: RegisteredTarget[]): RegisteredTarget | undefined {
    const routable = routableTargets(targets);
    if (routable.length === 0) return undefined;
    const cursor = this.cursors.get(targetGroupArn) ?? 0;
    this.cursors.set(targetGroupArn, (cursor + 1) % 1_000_000_007);
    return routable[cursor % routable.length];
  }

  forget(targetGroupArn: string): void {
    this.cursors.delete(targetGroupArn);
  }
}

/**
 * Where a target answers. Local ECS registers task IPs (loopback); an instance id has no
 * address here, so it stands for this machine.
 */
export function targetHost(targetId: string): string {
  return isIP(targetId) ? targetId : "127.0.0.1";
}
