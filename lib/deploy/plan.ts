import type {
  CreateServiceCommandInput,
  DeploymentConfiguration,
  DeploymentLifecycleHook,
  LoadBalancer,
  RegisterTaskDefinitionCommandInput,
  Service,
  Tag,
  TaskDefinition,
  UpdateServiceCommandInput,
} from "@aws-sdk/client-ecs";
import { tagsWithChangeNote, toRegistration } from "@/lib/taskdef/registration";
import { TRAFFIC_SHIFTING, type AlarmsChoice, type ApprovalChoice, type DeployChoices, type StrategyChoice } from "./choices";
import type { CreateServiceChoices } from "./create-choices";
import { availabilityOf, withTrafficShifting } from "./prerequisites";

/**
 * The wizard's choices turned into the AWS calls that carry them out. The wizard never runs a
 * deployment itself (design principle 1): ECS does, from these inputs. Pure.
 */
export interface DeployPlan {
  /** For new images: the current revision with those images, registered first. */
  registerTaskDefinition?: RegisterTaskDefinitionCommandInput;
  /** With a registration, `taskDefinition` is the family until `withRegisteredRevision` names the new revision. */
  updateService: UpdateServiceCommandInput;
  configurationBefore: DeploymentConfiguration;
  configurationAfter: DeploymentConfiguration;
}

export type PlanResult = { ok: true; plan: DeployPlan } | { ok: false; fieldErrors: Record<string, string> };

/** The revision the service runs now, with its tags, as DescribeTaskDefinition (include TAGS) gives them. */
export interface CurrentRevision {
  taskDefinition: TaskDefinition;
  tags?: Tag[];
}

/** Settings of one strategy that another strategy's configuration must not carry (ECS refuses them). */
type StrategySettings = "bakeTimeInMinutes" | "canaryConfiguration" | "linearConfiguration" | "lifecycleHooks";

/**
 * `service` as DescribeServices gives it; `current` is needed for new images. Refused, with a
 * message at the field, when the strategy lacks a prerequisite or an image names no container.
 */
export function planDeployment(choices: DeployChoices, deployed: Service, current?: CurrentRevision): PlanResult {
  const setup = TRAFFIC_SHIFTING.has(choices.strategy.kind) ? choices.trafficShifting : undefined;
  const primary = deployed.loadBalancers?.[0]?.targetGroupArn;
  if (setup && setup.alternateTargetGroupArn === primary) {
    return { ok: false, fieldErrors: { "trafficShifting.alternateTargetGroupArn": "The alternate target group must differ from the service's target group." } };
  }
  // With traffic shifting set up by this deploy, the service is judged as it will be.
  const service = setup && availabilityOf(deployed, choices.strategy.kind).canSetUp ? withTrafficShifting(deployed, setup) : deployed;
  const availability = availabilityOf(service, choices.strategy.kind);
  if (!availability.available) return { ok: false, fieldErrors: { "strategy.kind": availability.missing.map((m) => m.message).join(" ") } };
  const before = service.deploymentConfiguration ?? {};
  const after = deploymentConfigurationFor(choices.strategy, before, choices.alarms);
  const configurations = { configurationBefore: before, configurationAfter: after };
  if (choices.source.kind === "revision") {
    return { ok: true, plan: { updateService: updateServiceInput(choices, service, after, choices.source.taskDefinition, service !== deployed), ...configurations } };
  }
  if (!current) throw new Error("Planning new images needs the service's current task definition.");
  const containers = new Set((current.taskDefinition.containerDefinitions ?? []).map((container) => container.name));
  const unknown = Object.keys(choices.source.images).filter((name) => !containers.has(name));
  if (unknown.length > 0) {
    const family = current.taskDefinition.family;
    return { ok: false, fieldErrors: Object.fromEntries(unknown.map((name) => [`source.images.${name}`, `${family} has no container named ${name}.`])) };
  }
  const registerTaskDefinition = withNewImages(current, choices.source.images, choices.source.changeNote);
  const updateService = updateServiceInput(choices, service, after, registerTaskDefinition.family, service !== deployed);
  return { ok: true, plan: { registerTaskDefinition, updateService, ...configurations } };
}

function updateServiceInput(choices: DeployChoices, service: Service, after: DeploymentConfiguration, taskDefinition: string | undefined, shiftingSetUp: boolean): UpdateServiceCommandInput {
  const { strategy } = choices;
  return {
    cluster: choices.target.cluster,
    service: choices.target.service,
    taskDefinition,
    deploymentConfiguration: after,
    // A deploy always starts a deployment, even of the revision already running (a redeploy, or a change of strategy alone).
    forceNewDeployment: true,
    healthCheckGracePeriodSeconds: strategy.kind === "rolling" ? strategy.rolling.healthCheckGracePeriodSeconds : undefined,
    loadBalancers: withTestListenerRule(service.loadBalancers, strategy, shiftingSetUp),
  };
}

/** The UpdateService input aimed at the revision RegisterTaskDefinition just returned, not at whatever is latest in the family. */
export function withRegisteredRevision(updateService: UpdateServiceCommandInput, taskDefinitionArn: string): UpdateServiceCommandInput {
  return { ...updateService, taskDefinition: taskDefinitionArn };
}

function withNewImages(current: CurrentRevision, images: Record<string, string>, changeNote: string): RegisterTaskDefinitionCommandInput {
  const registration = toRegistration(current.taskDefinition, current.tags);
  return {
    ...registration,
    containerDefinitions: registration.containerDefinitions?.map((container) =>
      container.name !== undefined && images[container.name] !== undefined ? { ...container, image: images[container.name] } : container,
    ),
    tags: tagsWithChangeNote(registration.tags, changeNote),
  };
}

/**
 * The whole deployment configuration the service will have: what it has now that the chosen
 * strategy does not set (for traffic shifting the percents and Lambda hooks; the alarms, unless
 * chosen too), with the chosen settings over it. Sent whole, so nothing depends on how ECS merges a partial one.
 */
export function deploymentConfigurationFor(strategy: StrategyChoice, before: DeploymentConfiguration = {}, alarms?: AlarmsChoice): DeploymentConfiguration {
  const { bakeTimeInMinutes: _bake, canaryConfiguration: _canary, linearConfiguration: _linear, lifecycleHooks, ...kept } = before;
  const carried: Omit<DeploymentConfiguration, StrategySettings> = alarms ? { ...kept, alarms: deploymentAlarms(alarms) } : kept;
  switch (strategy.kind) {
    case "rolling": {
      const { minimumHealthyPercent, maximumPercent, circuitBreaker } = strategy.rolling;
      const breaker = { ...before.deploymentCircuitBreaker, enable: circuitBreaker.enable, rollback: circuitBreaker.rollback };
      return { ...carried, strategy: "ROLLING", minimumHealthyPercent, maximumPercent, deploymentCircuitBreaker: breaker };
    }
    case "blueGreen":
      return trafficShifting(carried, "BLUE_GREEN", strategy.blueGreen.bakeTimeMinutes, hooksWith(lifecycleHooks, strategy.blueGreen.approval));
    case "linear": {
      const { stepPercent, stepBakeTimeMinutes, bakeTimeMinutes, approval } = strategy.linear;
      return {
        ...trafficShifting(carried, "LINEAR", bakeTimeMinutes, hooksWith(lifecycleHooks, approval)),
        linearConfiguration: { stepPercent, stepBakeTimeInMinutes: stepBakeTimeMinutes },
      };
    }
    case "canary": {
      const { canaryPercent, canaryBakeTimeMinutes, bakeTimeMinutes, approval } = strategy.canary;
      return {
        ...trafficShifting(carried, "CANARY", bakeTimeMinutes, hooksWith(lifecycleHooks, approval)),
        canaryConfiguration: { canaryPercent, canaryBakeTimeInMinutes: canaryBakeTimeMinutes },
      };
    }
  }
}

/** ECS's alarms setting for the chosen names: none switches the watching off. */
function deploymentAlarms({ names, rollback }: AlarmsChoice): DeploymentConfiguration["alarms"] {
  return names.length > 0 ? { alarmNames: names, enable: true, rollback } : { alarmNames: [], enable: false, rollback: false };
}

function trafficShifting(
  carried: DeploymentConfiguration,
  strategy: "BLUE_GREEN" | "LINEAR" | "CANARY",
  bakeTimeInMinutes: number,
  lifecycleHooks: DeploymentLifecycleHook[],
): DeploymentConfiguration {
  // The circuit breaker is for rolling updates only; ECS refuses it switched on with these strategies.
  return { ...carried, strategy, bakeTimeInMinutes, deploymentCircuitBreaker: { enable: false, rollback: false }, lifecycleHooks };
}

/**
 * The service's Lambda hooks stay as they are; its pause hooks are replaced by the approval
 * chosen now (or by none), so the wizard's answer is the whole truth about waiting for a person.
 * An empty list is sent on purpose: it removes an approval the service had.
 */
function hooksWith(existing: DeploymentLifecycleHook[] | undefined, approval: ApprovalChoice | undefined): DeploymentLifecycleHook[] {
  const lambdas = (existing ?? []).filter((hook) => (hook.targetType ?? "AWS_LAMBDA") === "AWS_LAMBDA");
  return approval ? [...lambdas, pauseHook(approval)] : lambdas;
}

/** A PAUSE hook has no target: ECS waits for ContinueServiceDeployment (spec §4). */
export function pauseHook(approval: ApprovalChoice): DeploymentLifecycleHook {
  return {
    targetType: "PAUSE",
    lifecycleStages: [approval.stage],
    timeoutConfiguration: { timeoutInMinutes: approval.timeoutMinutes, action: approval.timeoutAction },
  };
}

/**
 * The service's load balancers with blue/green's chosen test listener rule; undefined when
 * nothing changes. `changed`: the deploy sets up traffic shifting, so they are sent whatever the rule.
 */
function withTestListenerRule(loadBalancers: LoadBalancer[] | undefined, strategy: StrategyChoice, changed: boolean): LoadBalancer[] | undefined {
  const rule = strategy.kind === "blueGreen" ? strategy.blueGreen.testListenerRule : undefined;
  if (!loadBalancers?.length) return undefined;
  if (!rule) return changed ? loadBalancers : undefined;
  if (!changed && loadBalancers.every((lb) => lb.advancedConfiguration?.testListenerRule === rule)) return undefined;
  // The test rule of the first load balancer: the wizard offers one, and a service rarely has two.
  return loadBalancers.map((lb, index) => ({
    targetGroupArn: lb.targetGroupArn,
    containerName: lb.containerName,
    containerPort: lb.containerPort,
    advancedConfiguration: index === 0 ? { ...lb.advancedConfiguration, testListenerRule: rule } : lb.advancedConfiguration,
  }));
}

/** CreateService's input from the wizard's create choices. */
export function planCreateService(choices: CreateServiceChoices): CreateServiceCommandInput {
  const { placement, network, loadBalancer: lb, strategy } = choices;
  const testListenerRule = (strategy.kind === "blueGreen" ? strategy.blueGreen.testListenerRule : undefined) ?? lb?.testListenerRule;
  const shifting = lb?.alternateTargetGroupArn && lb.productionListenerRule && lb.roleArn;
  return {
    cluster: choices.cluster,
    serviceName: choices.serviceName,
    taskDefinition: choices.taskDefinition,
    desiredCount: choices.desiredCount,
    launchType: placement.kind === "launch-type" ? placement.launchType : undefined,
    capacityProviderStrategy: placement.kind === "capacity-providers" ? placement.capacityProviderStrategy : undefined,
    networkConfiguration: network
      ? { awsvpcConfiguration: { subnets: network.subnets, securityGroups: network.securityGroups, assignPublicIp: network.assignPublicIp } }
      : undefined,
    loadBalancers: lb
      ? [
          {
            targetGroupArn: lb.targetGroupArn,
            containerName: lb.containerName,
            containerPort: lb.containerPort,
            advancedConfiguration: shifting
              ? { alternateTargetGroupArn: lb.alternateTargetGroupArn, productionListenerRule: lb.productionListenerRule, testListenerRule, roleArn: lb.roleArn }
              : undefined,
          },
        ]
      : undefined,
    deploymentController: { type: "ECS" },
    deploymentConfiguration: deploymentConfigurationFor(strategy, {}, choices.alarms),
    healthCheckGracePeriodSeconds: strategy.kind === "rolling" ? strategy.rolling.healthCheckGracePeriodSeconds : undefined,
  };
}
