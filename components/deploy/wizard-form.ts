import type { DeploymentConfiguration } from "@aws-sdk/client-ecs";
import type { DeployChoicesInput, StrategyKind } from "@/lib/deploy/choices";
import { APPROVAL_STAGES, DEFAULT_APPROVAL_STAGE, DEPLOY_LIMITS, type ApprovalStage, type LimitName } from "@/lib/deploy/limits";
import { strategyChoiceInput } from "@/lib/deploy/strategy-form";
import type { DeployContext } from "@/server/ecs/deploy-context";

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

export interface WizardForm {
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
}

const BY_ECS_NAME: Record<string, StrategyKind> = { ROLLING: "rolling", BLUE_GREEN: "blueGreen", LINEAR: "linear", CANARY: "canary" };

const text = (value: number | undefined, name: LimitName) => String(value ?? DEPLOY_LIMITS[name].default);

/** Starts from what the service has now: its strategy (when it can still use it) and its settings, defaults for the rest. */
export function initialForm({ service, current, revisions, availability }: DeployContext): WizardForm {
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
  };
}

/** What the form submits, for the choices' schema in the browser and again in the server action. */
export function toChoicesInput(form: WizardForm, target: { cluster: string; service: string }): DeployChoicesInput {
  const source: DeployChoicesInput["source"] =
    form.source === "revision" ? { kind: "revision", taskDefinition: form.revision } : { kind: "new-images", images: form.images, changeNote: form.changeNote };
  return { target, source, strategy: strategyChoiceInput({ ...form, approvalTimeoutMinutes: form.numbers.approvalTimeoutMinutes }) };
}

/** The step whose fields a message's path belongs to: "strategy.canary.canaryPercent" → strategy. */
export function stepOfField(path: string): StepId {
  if (path.startsWith("source")) return "source";
  if (path.startsWith("strategy")) return "strategy";
  return "target";
}
