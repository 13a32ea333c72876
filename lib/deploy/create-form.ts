import { splitList } from "@/lib/schemas/limits";
import { alarmsChoiceInput, type AlarmsFormValue } from "@/lib/view-models/alarms";
import type { CreateServiceChoicesInput, LAUNCH_TYPES } from "./create-choices";
import { strategyChoiceInput, type StrategyFields } from "./strategy-form";
import { DEFAULT_APPROVAL_STAGE, DEPLOY_LIMITS, type LimitName } from "./limits";

/**
 * The create-service form as typed (every field text, as inputs hold it), and the choices it
 * sends: checked by `createServiceChoices` in the browser, and again by the action.
 */
/** The launch types a form offers, without loading the schemas; the type keeps them the schema's. */
export const LAUNCH_TYPE_OPTIONS = ["FARGATE", "EC2", "EXTERNAL", "MANAGED_INSTANCES"] as const satisfies readonly (typeof LAUNCH_TYPES)[number][];

export type PlacementKind = "cluster-default" | "capacity-providers" | "launch-type";

export interface CapacityRow {
  capacityProvider: string;
  weight: string;
  base: string;
}

/** The strategy's fields as the wizard's; numbers are `settings` here, the test rule goes with the load balancer. */
export interface CreateServiceForm extends Omit<StrategyFields, "numbers" | "testListenerRule">, AlarmsFormValue {
  serviceName: string;
  /** "family:revision", chosen from the family's revisions. */
  taskDefinition: string;
  desiredCount: string;
  placement: PlacementKind;
  capacityRows: CapacityRow[];
  launchType: string;
  subnets: string;
  securityGroups: string;
  assignPublicIp: "ENABLED" | "DISABLED";
  /** "" for no load balancer. */
  targetGroupArn: string;
  /** "name:port" of a container's port mapping. */
  container: string;
  alternateTargetGroupArn: string;
  productionListenerRule: string;
  testListenerRule: string;
  roleArn: string;
  /** Numeric settings by limit name; empty takes the default. */
  settings: Record<LimitName, string>;
}

export function defaultSettings(): Record<LimitName, string> {
  return Object.fromEntries(Object.entries(DEPLOY_LIMITS).map(([name, limit]) => [name, String(limit.default)])) as Record<LimitName, string>;
}

export function emptyCreateServiceForm(prefill: { subnets?: string[]; securityGroups?: string[]; assignPublicIp?: string; roleArn: string }): CreateServiceForm {
  return {
    serviceName: "",
    taskDefinition: "",
    desiredCount: "1",
    placement: "cluster-default",
    capacityRows: [{ capacityProvider: "FARGATE", weight: "1", base: "0" }],
    launchType: "FARGATE",
    subnets: prefill.subnets?.join(", ") ?? "",
    securityGroups: prefill.securityGroups?.join(", ") ?? "",
    assignPublicIp: prefill.assignPublicIp === "ENABLED" ? "ENABLED" : "DISABLED",
    targetGroupArn: "",
    container: "",
    alternateTargetGroupArn: "",
    productionListenerRule: "",
    testListenerRule: "",
    roleArn: prefill.roleArn,
    strategy: "rolling",
    settings: defaultSettings(),
    circuitBreaker: true,
    rollbackOnFailure: true,
    approval: false,
    approvalStage: DEFAULT_APPROVAL_STAGE,
    approvalTimeoutMinutes: String(DEPLOY_LIMITS.approvalTimeoutMinutes.default),
    approvalTimeoutAction: "ROLLBACK",
    alarmNames: [],
    alarmRollback: true,
  };
}

const blankToUndefined = (value: string) => (value.trim() === "" ? undefined : value.trim());

function placementOf(form: CreateServiceForm): CreateServiceChoicesInput["placement"] {
  if (form.placement === "capacity-providers") return { kind: "capacity-providers", capacityProviderStrategy: form.capacityRows };
  if (form.placement === "launch-type") return { kind: "launch-type", launchType: form.launchType as (typeof LAUNCH_TYPE_OPTIONS)[number] };
  return { kind: "cluster-default" };
}

function loadBalancerOf(form: CreateServiceForm, shifting: boolean): CreateServiceChoicesInput["loadBalancer"] {
  if (!form.targetGroupArn) return undefined;
  const at = form.container.lastIndexOf(":");
  return {
    targetGroupArn: form.targetGroupArn,
    containerName: at > 0 ? form.container.slice(0, at) : form.container,
    containerPort: at > 0 ? form.container.slice(at + 1) : "",
    // Only traffic-shifting strategies use these; a rolling service sends none, whatever was picked before.
    ...(shifting
      ? {
          alternateTargetGroupArn: blankToUndefined(form.alternateTargetGroupArn),
          productionListenerRule: blankToUndefined(form.productionListenerRule),
          testListenerRule: blankToUndefined(form.testListenerRule),
          roleArn: blankToUndefined(form.roleArn),
        }
      : {}),
  };
}

/**
 * The choices to check and send. The network goes along when the task definition uses awsvpc
 * networking, or, while that is not known, when subnets were given: ECS refuses one otherwise.
 */
export function createChoicesOf(cluster: string, form: CreateServiceForm, needsSubnets: boolean | undefined): CreateServiceChoicesInput {
  const subnets = splitList(form.subnets);
  const sendNetwork = needsSubnets ?? subnets.length > 0;
  return {
    cluster,
    serviceName: form.serviceName.trim(),
    taskDefinition: form.taskDefinition,
    desiredCount: form.desiredCount,
    placement: placementOf(form),
    network: sendNetwork ? { subnets, securityGroups: splitList(form.securityGroups), assignPublicIp: form.assignPublicIp } : undefined,
    loadBalancer: loadBalancerOf(form, form.strategy !== "rolling"),
    // The create form asks for the test listener rule with the load balancer, not with the strategy.
    strategy: strategyChoiceInput({ ...form, numbers: form.settings, testListenerRule: undefined }),
    alarms: alarmsChoiceInput(form),
  };
}
