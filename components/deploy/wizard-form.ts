import type { DeploymentConfiguration } from "@aws-sdk/client-ecs";
import type { DeployChoicesInput, StrategyKind } from "@/lib/deploy/choices";
import { APPROVAL_STAGES, DEFAULT_APPROVAL_STAGE, DEPLOY_LIMITS, type ApprovalStage, type LimitName } from "@/lib/deploy/limits";
import { strategyChoiceInput } from "@/lib/deploy/strategy-form";
import type { StrategyAvailability } from "@/lib/deploy/prerequisites";
import { alarmsChoiceInput, type AlarmsFormValue } from "@/lib/view-models/alarms";
import { rulesForTargetGroup } from "@/lib/view-models/load-balancing";
import type { DeployContext } from "@/lib/view-models/deploy-context";
import type { TrafficShiftingValue } from "./traffic-shifting-fields";

/**
 * The wizard's form as a person fills it in: numbers as the text typed (an empty field takes
 * its default), one value per setting whatever the strategy, so switching strategies keeps
 * what was typed for a shared setting such as the bake time. Plain, without zod.
 */
export const STEPS = [
  { id: "target", title: "Target" },
  { id: "source", title: "What to deploy" },
  { id: "strategy", title: "Strategy" },
  { id: "review", title: "Review" },
  { id: "deploy", title: "Deploy" },
] as const;

export type StepId = (typeof STEPS)[number]["id"];

/** Rolling, Blue/green, Linear, Canary: the order ECS's documentation gives them. */
export const STRATEGY_ORDER: readonly StrategyKind[] = ["rolling", "blueGreen", "linear", "canary"];

export const STRATEGY_TITLES: Record<StrategyKind, string> = { rolling: "Rolling", blueGreen: "Blue/green", linear: "Linear", canary: "Canary" };

export interface WizardForm extends AlarmsFormValue {
  source: "revision" | "new-images";
  /** The ARN of the existing revision picked. */
  revision: string;
  /** Container name → image, every container of the current revision. */
  images: Record<string, string>;
  changeNote: string;
  strategy: StrategyKind;
  numbers: Record<LimitName, string>;
  circuitBreaker: boolean;
  rollbackOnFailure: boolean;
  testListenerRule: string;
  approval: boolean;
  approvalStage: ApprovalStage;
  approvalTimeoutAction: "ROLLBACK" | "CONTINUE";
  /** For a service that cannot shift traffic yet: what the deploy sets up, picked from the load balancer's lists. */
  shifting: TrafficShiftingValue;
}

const BY_ECS_NAME: Record<string, StrategyKind> = { ROLLING: "rolling", BLUE_GREEN: "blueGreen", LINEAR: "linear", CANARY: "canary" };

const text = (value: number | undefined, name: LimitName) => String(value ?? DEPLOY_LIMITS[name].default);

/** Starts from what the service has now: its strategy (when it can still use it) and its settings, defaults for the rest. */
/**
 * A first guess at what to set up for traffic shifting: the rule that forwards to the service's
 * target group and to another (as a rolling service behind a weighted rule has), that other
 * group as the alternate, and the role the ECS console names by default.
 */
function initialShifting({ service, trafficShifting }: DeployContext): TrafficShiftingValue {
  const primary = service.loadBalancers?.[0]?.targetGroupArn;
  const rules = trafficShifting?.choices.ok ? rulesForTargetGroup(trafficShifting.choices.value.rules, primary) : [];
  const weighted = rules.find((rule) => rule.forwards.some((target) => target.targetGroupArn !== primary));
  return {
    alternateTargetGroupArn: weighted?.forwards.find((target) => target.targetGroupArn !== primary)?.targetGroupArn ?? "",
    productionListenerRule: weighted?.arn ?? (rules.length === 1 ? rules[0]!.arn : ""),
    testListenerRule: "",
    roleArn: trafficShifting?.defaultRoleArn ?? "",
  };
}

export function initialForm(context: DeployContext): WizardForm {
  const { service, current, revisions, availability } = context;
  const config: DeploymentConfiguration = service.deploymentConfiguration ?? {};
  const kind = BY_ECS_NAME[config.strategy ?? "ROLLING"] ?? "rolling";
  const usable = availability.find((entry) => entry.kind === kind)?.available ? kind : "rolling";
  const pause = config.lifecycleHooks?.find((hook) => hook.targetType === "PAUSE");
  const stage = pause?.lifecycleStages?.[0] as ApprovalStage | undefined;
  const newest = revisions.ok ? revisions.value[0]?.arn : undefined;
  return {
    source: "revision",
    revision: newest ?? current.arn,
    images: Object.fromEntries((current.registration.containerDefinitions ?? []).map((container) => [container.name ?? "", container.image ?? ""])),
    changeNote: "",
    strategy: usable,
    numbers: {
      minimumHealthyPercent: text(config.minimumHealthyPercent, "minimumHealthyPercent"),
      maximumPercent: text(config.maximumPercent, "maximumPercent"),
      healthCheckGracePeriodSeconds: text(service.healthCheckGracePeriodSeconds, "healthCheckGracePeriodSeconds"),
      bakeTimeMinutes: text(config.bakeTimeInMinutes, "bakeTimeMinutes"),
      canaryPercent: text(config.canaryConfiguration?.canaryPercent, "canaryPercent"),
      canaryBakeTimeMinutes: text(config.canaryConfiguration?.canaryBakeTimeInMinutes, "canaryBakeTimeMinutes"),
      stepPercent: text(config.linearConfiguration?.stepPercent, "stepPercent"),
      stepBakeTimeMinutes: text(config.linearConfiguration?.stepBakeTimeInMinutes, "stepBakeTimeMinutes"),
      approvalTimeoutMinutes: text(pause?.timeoutConfiguration?.timeoutInMinutes, "approvalTimeoutMinutes"),
    },
    circuitBreaker: config.deploymentCircuitBreaker?.enable ?? true,
    rollbackOnFailure: config.deploymentCircuitBreaker?.rollback ?? true,
    testListenerRule: service.loadBalancers?.[0]?.advancedConfiguration?.testListenerRule ?? "",
    approval: pause !== undefined,
    approvalStage: stage && stage in APPROVAL_STAGES ? stage : DEFAULT_APPROVAL_STAGE,
    approvalTimeoutAction: pause?.timeoutConfiguration?.action === "CONTINUE" ? "CONTINUE" : "ROLLBACK",
    shifting: initialShifting(context),
    alarmNames: config.alarms?.enable ? [...(config.alarms.alarmNames ?? [])] : [],
    alarmRollback: config.alarms?.enable ? (config.alarms.rollback ?? true) : true,
  };
}

/** What the form submits, for the choices' schema in the browser and again in the server action. */
export function toChoicesInput(form: WizardForm, target: { cluster: string; service: string }, availability: readonly StrategyAvailability[]): DeployChoicesInput {
  const source: DeployChoicesInput["source"] =
    form.source === "revision" ? { kind: "revision", taskDefinition: form.revision } : { kind: "new-images", images: form.images, changeNote: form.changeNote };
  const strategy = strategyChoiceInput({ ...form, approvalTimeoutMinutes: form.numbers.approvalTimeoutMinutes });
  // Only what the chosen strategy lacks, and only when the deploy can set it up.
  const setUp = availability.find((entry) => entry.kind === form.strategy)?.canSetUp;
  const { alternateTargetGroupArn, productionListenerRule, testListenerRule, roleArn } = form.shifting;
  const trafficShifting = setUp ? { alternateTargetGroupArn, productionListenerRule, testListenerRule: testListenerRule || undefined, roleArn } : undefined;
  return { target, source, strategy, alarms: alarmsChoiceInput(form), ...(trafficShifting ? { trafficShifting } : {}) };
}

/** The step whose fields a message's path belongs to: "strategy.canary.canaryPercent" → strategy. */
export function stepOfField(path: string): StepId {
  if (path.startsWith("source")) return "source";
  if (path.startsWith("strategy") || path.startsWith("trafficShifting") || path.startsWith("alarms")) return "strategy";
  return "target";
}
