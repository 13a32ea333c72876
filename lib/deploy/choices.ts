import { z } from "zod";
import { fieldErrorsOf } from "@/lib/action-result";
import { MAX_CHANGE_NOTE_LENGTH } from "@/lib/taskdef/registration";
import { containerDefinition, nameField } from "@/lib/taskdef/container-schema";
import { clusterRef, fieldNumber, serviceRef, taskDefinitionRef } from "@/lib/schemas/operations";
import { APPROVAL_STAGES, DEFAULT_APPROVAL_STAGE, DEPLOY_LIMITS, type ApprovalStage, type LimitName, withinLimit } from "./limits";

/**
 * What a person chooses in the deploy wizard, checked in the form and again by the server
 * action, with a message at each field (`strategy.canary.canaryPercent`). Ranges and defaults
 * come from ./limits.
 */

/** A number of the limit table: in range and on its step, with messages that name the field. */
function limitedNumberOf(name: LimitName) {
  const limit = DEPLOY_LIMITS[name];
  const range = `${limit.min.toLocaleString("en-US")} to ${limit.max.toLocaleString("en-US")} ${limit.unit}`;
  const kind = limit.step === 1 ? "a whole number" : `a multiple of ${limit.step}`;
  return z
    .number({ error: `${limit.label} must be a number.` })
    .min(limit.min, `${limit.label} must be at least ${limit.min.toLocaleString("en-US")} ${limit.unit}.`)
    .max(limit.max, `${limit.label} must be at most ${limit.max.toLocaleString("en-US")} ${limit.unit}.`)
    .refine((value) => withinLimit(limit, value), `${limit.label} must be ${kind} from ${range}.`);
}

/** From a form's text or a number; an empty field is "not given" (never 0) and takes the default. */
function numberOrDefault(name: LimitName) {
  return z
    .preprocess(fieldNumber, limitedNumberOf(name).optional())
    .optional()
    .transform((value) => value ?? DEPLOY_LIMITS[name].default);
}

export const deployTarget = z.object({ cluster: clusterRef, service: serviceRef });

const imageRef = containerDefinition.shape.image;

export const deploySource = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("revision"), taskDefinition: taskDefinitionRef }),
    z.object({
      kind: z.literal("new-images"),
      /** Container name → its new image; containers left out keep theirs. */
      images: z
        .record(nameField("Container name"), imageRef)
        .refine((images) => Object.keys(images).length > 0, "Give a new image for at least one container."),
      changeNote: z
        .string()
        .trim()
        .max(MAX_CHANGE_NOTE_LENGTH, `A change note is at most ${MAX_CHANGE_NOTE_LENGTH} characters.`)
        .default(""),
    }),
  ],
  { error: "Pick an existing revision, or new images for the current one." },
);

const approvalStageValues = Object.keys(APPROVAL_STAGES) as [ApprovalStage, ...ApprovalStage[]];

/** A PAUSE lifecycle hook: the deployment waits at `stage` until someone continues or rolls it back, or the timeout acts. */
export const approvalChoice = z.object({
  stage: z.enum(approvalStageValues, { error: "Pick when the deployment waits for approval." }).default(DEFAULT_APPROVAL_STAGE),
  timeoutMinutes: numberOrDefault("approvalTimeoutMinutes"),
  timeoutAction: z.enum(["ROLLBACK", "CONTINUE"], { error: "When nobody decides, the deployment rolls back or continues." }).default("ROLLBACK"),
});

const LISTENER_RULE_OR_LISTENER = /^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:listener(-rule)?\/(app|net)\/[^/]+\/[^/]+\/[^/]+(\/[^/]+)?$/;
export const listenerRuleArn = (what: string) =>
  z.string().trim().regex(LISTENER_RULE_OR_LISTENER, `${what} is a listener rule ARN (ALB) or a listener ARN (NLB).`);

const TARGET_GROUP = /^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:targetgroup\/[^/]+\/[^/]+$/;
const IAM_ROLE = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@\-/]{1,512}$/;

export const targetGroupArn = (what: string) =>
  z.string().trim().regex(TARGET_GROUP, `${what} is a target group ARN (arn:aws:elasticloadbalancing:…:targetgroup/name/id).`);
export const trafficRoleArn = z.string().trim().regex(IAM_ROLE, "The role is an IAM role ARN (arn:aws:iam::123456789012:role/name).");

/**
 * What a service behind a load balancer lacks to shift traffic, set up by the deploy that first
 * uses blue/green, linear or canary: UpdateService takes them with the deployment (spec §3).
 */
export const trafficShiftingSetup = z.object({
  alternateTargetGroupArn: targetGroupArn("The alternate target group"),
  productionListenerRule: listenerRuleArn("The production listener rule"),
  testListenerRule: listenerRuleArn("The test listener rule").optional(),
  roleArn: trafficRoleArn,
});

/**
 * CloudWatch alarms the deployment watches: one in ALARM fails it, and rolls it back when
 * `rollback` (ECS's deploymentConfiguration.alarms). No names switches the watching off.
 */
export const alarmsChoice = z.object({
  names: z
    .array(z.string().trim().min(1, "An alarm name cannot be empty.").max(255, "An alarm name is at most 255 characters."))
    .default([])
    .refine((names) => new Set(names).size === names.length, "Each alarm is named once."),
  rollback: z.boolean().default(true),
});

export const rollingChoice = z.object({
  minimumHealthyPercent: numberOrDefault("minimumHealthyPercent"),
  maximumPercent: numberOrDefault("maximumPercent"),
  /** Off by default in the API; on by default here, as the ECS console does for a new service. */
  circuitBreaker: z.object({ enable: z.boolean().default(true), rollback: z.boolean().default(true) }).default({ enable: true, rollback: true }),
  healthCheckGracePeriodSeconds: numberOrDefault("healthCheckGracePeriodSeconds"),
});

export const blueGreenChoice = z.object({
  bakeTimeMinutes: numberOrDefault("bakeTimeMinutes"),
  /** Not given: the service keeps the test listener rule it has (or none). */
  testListenerRule: listenerRuleArn("The test listener rule").optional(),
  approval: approvalChoice.optional(),
});

export const linearChoice = z.object({
  stepPercent: numberOrDefault("stepPercent"),
  stepBakeTimeMinutes: numberOrDefault("stepBakeTimeMinutes"),
  bakeTimeMinutes: numberOrDefault("bakeTimeMinutes"),
  approval: approvalChoice.optional(),
});

export const canaryChoice = z.object({
  canaryPercent: numberOrDefault("canaryPercent"),
  canaryBakeTimeMinutes: numberOrDefault("canaryBakeTimeMinutes"),
  bakeTimeMinutes: numberOrDefault("bakeTimeMinutes"),
  approval: approvalChoice.optional(),
});

/** One strategy's settings under its own name, so a message's path says which: `strategy.linear.stepPercent`. */
export const strategyChoice = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("rolling"), rolling: rollingChoice.default(rollingChoice.parse({})) }),
    z.object({ kind: z.literal("blueGreen"), blueGreen: blueGreenChoice.default(blueGreenChoice.parse({})) }),
    z.object({ kind: z.literal("linear"), linear: linearChoice.default(linearChoice.parse({})) }),
    z.object({ kind: z.literal("canary"), canary: canaryChoice.default(canaryChoice.parse({})) }),
  ],
  { error: "Pick rolling, blue/green, linear or canary." },
);

export const deployChoices = z.object({
  target: deployTarget,
  source: deploySource,
  strategy: strategyChoice,
  /** Only for a service that cannot shift traffic yet, with a traffic-shifting strategy. */
  trafficShifting: trafficShiftingSetup.optional(),
  /** Not given: the service keeps the alarms it watches. */
  alarms: alarmsChoice.optional(),
});

export type DeployTarget = z.infer<typeof deployTarget>;
export type DeploySource = z.infer<typeof deploySource>;
export type TrafficShiftingSetup = z.infer<typeof trafficShiftingSetup>;
export type ApprovalChoice = z.infer<typeof approvalChoice>;
export type AlarmsChoice = z.infer<typeof alarmsChoice>;
export type RollingChoice = z.infer<typeof rollingChoice>;
export type BlueGreenChoice = z.infer<typeof blueGreenChoice>;
export type LinearChoice = z.infer<typeof linearChoice>;
export type CanaryChoice = z.infer<typeof canaryChoice>;
export type StrategyChoice = z.infer<typeof strategyChoice>;
export type StrategyKind = StrategyChoice["kind"];
/** Checked choices, defaults filled in. */
export type DeployChoices = z.infer<typeof deployChoices>;
/** What a form submits: numbers may still be text, and settings left empty take their defaults. */
export type DeployChoicesInput = z.input<typeof deployChoices>;

export const STRATEGY_KINDS: readonly StrategyKind[] = ["rolling", "blueGreen", "linear", "canary"];
export const TRAFFIC_SHIFTING: ReadonlySet<StrategyKind> = new Set(["blueGreen", "linear", "canary"]);

export type ChoicesCheck<T> = { ok: true; value: T } | { ok: false; fieldErrors: Record<string, string> };

/** Never throws: the checked value, or the first message for each field path. */
export function checkChoices<T>(schema: z.ZodType<T>, input: unknown): ChoicesCheck<T> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, fieldErrors: fieldErrorsOf(result.error.issues) };
}
