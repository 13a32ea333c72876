import type { ApprovalChoice, StrategyChoice } from "./choices";
import { rollingWaves } from "./rolling";

/**
 * The planned production traffic of a deployment over time, for the review step's chart, and
 * its estimated duration. An estimate, not a promise: it assumes every task takes the same time
 * to start and pass its health checks, and that each approval is given at once. Pure.
 */
export interface TrafficPoint {
  atSeconds: number;
  /** Percent of production traffic on the new revision from this moment. */
  weight: number;
  label: string;
}

export interface DeployPreview {
  /** Ordered by time; the weight holds until the next point (a step chart). */
  points: TrafficPoint[];
  /** From the start to the old revision's cleanup, without time spent waiting for approval. */
  estimatedSeconds: number;
  /** How many times the deployment waits for a person. */
  approvals: number;
  /** Sentences that say what the estimate takes for granted. */
  assumptions: string[];
  /** Set when the settings cannot finish the deployment. */
  stalls?: string;
}

export interface PreviewOptions {
  desiredCount: number;
  /** How long a task takes to start and pass its health checks. */
  taskReadySeconds?: number;
  /** A new service: nothing to shift traffic from, so every strategy just starts its tasks. */
  firstDeployment?: boolean;
}

/** Fargate pulls and starts a small image in well under a minute; a health check every 30 s needs one pass. */
export const DEFAULT_TASK_READY_SECONDS = 90;

const MINUTE = 60;

export function previewDeployment(strategy: StrategyChoice, options: PreviewOptions): DeployPreview {
  const ready = options.taskReadySeconds ?? DEFAULT_TASK_READY_SECONDS;
  const readyAssumption = `Tasks take ${ready} s to start and pass their health checks.`;
  if (options.firstDeployment) {
    const points = [
      { atSeconds: 0, weight: 0, label: "Tasks start" },
      { atSeconds: ready, weight: 100, label: "Tasks healthy: they take all traffic" },
    ];
    return { points, estimatedSeconds: ready, approvals: 0, assumptions: [readyAssumption, "A new service has no earlier revision, so no traffic shifts."] };
  }
  if (strategy.kind === "rolling") return rollingPreview(strategy.rolling, options.desiredCount, ready, readyAssumption);
  return trafficShiftingPreview(strategy, ready, readyAssumption);
}

function rollingPreview(
  settings: { minimumHealthyPercent: number; maximumPercent: number },
  desiredCount: number,
  ready: number,
  readyAssumption: string,
): DeployPreview {
  const assumptions = [readyAssumption, "Traffic spreads evenly over healthy tasks, so the new revision's share is its share of the tasks."];
  const start: TrafficPoint = { atSeconds: 0, weight: 0, label: "Deployment starts" };
  if (desiredCount === 0) {
    return { points: [{ ...start, weight: 100, label: "No tasks to replace: the desired count is 0" }], estimatedSeconds: 0, approvals: 0, assumptions };
  }
  const result = rollingWaves(desiredCount, settings.minimumHealthyPercent, settings.maximumPercent);
  const points = [start, ...result.waves.map((wave, index) => ({
    atSeconds: (index + 1) * ready,
    weight: roundTenth((wave.newTasks / (wave.newTasks + wave.oldTasks)) * 100),
    label: `${wave.newTasks} of ${desiredCount} new tasks healthy`,
  }))];
  // One wave (room for every new task at once): the old tasks are deregistered as soon as the new are healthy, so no traffic is shared.
  if (result.ok && result.waves.length === 1) {
    const oneWave = `With a maximum of ${settings.maximumPercent} %, all ${desiredCount} new tasks start at once; once they are healthy the old ones leave the load balancer, so traffic moves in one step.`;
    return { points, estimatedSeconds: ready, approvals: 0, assumptions: [readyAssumption, oneWave] };
  }
  if (result.ok) return { points, estimatedSeconds: result.waves.length * ready, approvals: 0, assumptions };
  const { lower, upper } = result.stuckAt;
  return {
    points,
    estimatedSeconds: Infinity,
    approvals: 0,
    assumptions,
    stalls: `With ${desiredCount} tasks, at least ${lower} must stay healthy and at most ${upper} may run: no new task can start.`,
  };
}

type TrafficShifting = Exclude<StrategyChoice, { kind: "rolling" }>;

/** Steps of production traffic on the new revision, with the bake after each (none after the last), as ECS takes them (spec §3). */
export function trafficSteps(strategy: TrafficShifting): { weight: number; bakeMinutes: number }[] {
  switch (strategy.kind) {
    case "blueGreen":
      return [{ weight: 100, bakeMinutes: 0 }];
    case "canary": {
      const { canaryPercent, canaryBakeTimeMinutes } = strategy.canary;
      return canaryPercent >= 100 ? [{ weight: 100, bakeMinutes: 0 }] : [{ weight: canaryPercent, bakeMinutes: canaryBakeTimeMinutes }, { weight: 100, bakeMinutes: 0 }];
    }
    case "linear": {
      const { stepPercent, stepBakeTimeMinutes } = strategy.linear;
      // A step that does not divide 100 ends with a smaller one (30, 60, 90, 100).
      const count = Math.ceil(100 / stepPercent - 1e-9);
      return Array.from({ length: count }, (_, index) => {
        const weight = Math.min(100, roundTenth((index + 1) * stepPercent));
        return { weight, bakeMinutes: weight >= 100 ? 0 : stepBakeTimeMinutes };
      });
    }
  }
}

function settingsOf(strategy: TrafficShifting): { bakeTimeMinutes: number; approval?: ApprovalChoice } {
  switch (strategy.kind) {
    case "blueGreen":
      return strategy.blueGreen;
    case "linear":
      return strategy.linear;
    case "canary":
      return strategy.canary;
  }
}

function trafficShiftingPreview(strategy: TrafficShifting, ready: number, readyAssumption: string): DeployPreview {
  const { bakeTimeMinutes, approval } = settingsOf(strategy);
  const steps = trafficSteps(strategy);
  const points: TrafficPoint[] = [{ atSeconds: 0, weight: 0, label: "New tasks start beside the old ones" }];
  let approvals = 0;
  const waitFor = (stage: ApprovalChoice["stage"], at: number, weight: number, label: string) => {
    if (approval?.stage !== stage) return;
    approvals++;
    points.push({ atSeconds: at, weight, label });
  };
  waitFor("POST_SCALE_UP", ready, 0, "Waits for approval: new tasks ready");
  points.push({ atSeconds: ready, weight: 0, label: "Test traffic to the new tasks" });
  waitFor("POST_TEST_TRAFFIC_SHIFT", ready, 0, "Waits for approval: test traffic on the new tasks");
  let at = ready;
  let weight = 0;
  steps.forEach((step, index) => {
    const promotion = strategy.kind === "canary" && index === 1;
    waitFor("PRE_PRODUCTION_TRAFFIC_SHIFT", at, weight, promotion ? "Waits for approval to promote" : `Waits for approval before ${step.weight} %`);
    weight = step.weight;
    points.push({ atSeconds: at, weight, label: stepLabel(strategy, index, step.weight) });
    at += step.bakeMinutes * MINUTE;
  });
  waitFor("POST_PRODUCTION_TRAFFIC_SHIFT", at, 100, "Waits for approval: all traffic on the new revision");
  at += bakeTimeMinutes * MINUTE;
  points.push({ atSeconds: at, weight: 100, label: "Bake time over: old tasks stop" });
  const assumptions = [readyAssumption, "Traffic shifts take effect at once; draining old tasks is not counted."];
  if (approval) {
    const hours = roundTenth(approval.timeoutMinutes / 60);
    const otherwise = approval.timeoutAction === "ROLLBACK" ? "rolls back" : "continues";
    assumptions.push(`Each approval is counted as given at once; without one within ${hours} h the deployment ${otherwise}.`);
  }
  return { points, estimatedSeconds: at, approvals, assumptions };
}

function stepLabel(strategy: TrafficShifting, index: number, weight: number): string {
  if (strategy.kind === "blueGreen") return "All production traffic to the new revision";
  if (strategy.kind === "canary") return weight >= 100 ? "Promoted: all production traffic to the new revision" : `Canary: ${weight} % of production traffic`;
  return `Step ${index + 1}: ${weight} % of production traffic`;
}

function roundTenth(value: number): number {
  return Math.round(value * 10) / 10;
}
