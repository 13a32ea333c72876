/**
 * The deploy wizard's numeric settings, each with ECS's range, step and default (spec §2–§4,
 * the API reference of DeploymentConfiguration, CanaryConfiguration, LinearConfiguration and
 * DeploymentLifecycleHookTimeoutConfiguration). One table: the schemas in ./choices check
 * against it and the form shows its ranges and defaults, so they cannot disagree. Plain values
 * without zod, so a page can render the fields without loading the schemas.
 */
export interface NumberLimit {
  /** What the field is called where a message names it. */
  label: string;
  min: number;
  max: number;
  /** 1 for whole numbers, 0.1 for percents ECS takes to one decimal. */
  step: number;
  default: number;
  unit: "%" | "s" | "min";
}

export const DEPLOY_LIMITS = {
  minimumHealthyPercent: { label: "Minimum healthy percent", min: 0, max: 100, step: 1, default: 100, unit: "%" },
  maximumPercent: { label: "Maximum percent", min: 100, max: 200, step: 1, default: 200, unit: "%" },
  /** ECS takes any 32-bit whole number; 0 means unhealthy checks count from the start. */
  healthCheckGracePeriodSeconds: { label: "Health check grace period", min: 0, max: 2_147_483_647, step: 1, default: 0, unit: "s" },
  /** ECS has no default (BLUE_GREEN requires it); 5 minutes is the wizard's suggestion. */
  bakeTimeMinutes: { label: "Bake time", min: 0, max: 1440, step: 1, default: 5, unit: "min" },
  canaryPercent: { label: "Canary traffic", min: 0.1, max: 100, step: 0.1, default: 5, unit: "%" },
  canaryBakeTimeMinutes: { label: "Canary bake time", min: 0, max: 1440, step: 1, default: 10, unit: "min" },
  stepPercent: { label: "Step", min: 3, max: 100, step: 0.1, default: 10, unit: "%" },
  stepBakeTimeMinutes: { label: "Step bake time", min: 0, max: 1440, step: 1, default: 6, unit: "min" },
  approvalTimeoutMinutes: { label: "Approval timeout", min: 1, max: 20_160, step: 1, default: 1440, unit: "min" },
} as const satisfies Record<string, NumberLimit>;

export type LimitName = keyof typeof DEPLOY_LIMITS;

/** A whole deployment may last at most 30 days (spec §3); ECS stops it then. */
export const MAX_DEPLOYMENT_SECONDS = 30 * 24 * 60 * 60;

/** "0.1–100 %", "0–1,440 min": a field's range as its hint shows it. */
export function rangeText(limit: NumberLimit): string {
  const number = (value: number) => value.toLocaleString("en-US", { maximumFractionDigits: 1 });
  return `${number(limit.min)}–${number(limit.max)} ${limit.unit}`;
}

/** Within the range and on the step (0.1 steps compared in tenths, so 0.3 counts as on the step). */
export function withinLimit(limit: NumberLimit, value: number): boolean {
  if (!Number.isFinite(value) || value < limit.min || value > limit.max) return false;
  const steps = value / limit.step;
  return Math.abs(steps - Math.round(steps)) < 1e-9;
}

/**
 * Where a deployment can wait for a person (a PAUSE hook, spec §4). Not TEST_TRAFFIC_SHIFT or
 * PRODUCTION_TRAFFIC_SHIFT, which also run during a rollback; RECONCILE_SERVICE and
 * PRE_SCALE_UP are left out because nothing new has happened there to judge.
 */
export const APPROVAL_STAGES = {
  POST_SCALE_UP: "After the new tasks start, before any test traffic",
  POST_TEST_TRAFFIC_SHIFT: "After test traffic reaches the new tasks, before any production traffic",
  PRE_PRODUCTION_TRAFFIC_SHIFT: "Before every production traffic step (for a canary: before the canary and again before promotion)",
  POST_PRODUCTION_TRAFFIC_SHIFT: "After all production traffic has moved, before the bake time",
} as const;

export type ApprovalStage = keyof typeof APPROVAL_STAGES;
export const DEFAULT_APPROVAL_STAGE: ApprovalStage = "PRE_PRODUCTION_TRAFFIC_SHIFT";
