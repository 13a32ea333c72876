import type { CreateServiceCommandInput, DeploymentConfiguration, DeploymentLifecycleHook } from "@aws-sdk/client-ecs";
import { ACCOUNT, API, NETWORK, tags, WEB, WORKER, type AppFamily } from "./apps";
import type { DemoLoadBalancer } from "./load-balancer";

/**
 * The demo's services: web (rolling, behind the load balancer), api (canary with an approval
 * before each traffic step), worker (no load balancer) and a release candidate of web in staging.
 */
export const APPROVAL_TIMEOUT_MINUTES = 1440;

const APPROVAL_BEFORE_EACH_SHIFT: DeploymentLifecycleHook = {
  targetType: "PAUSE",
  lifecycleStages: ["PRE_PRODUCTION_TRAFFIC_SHIFT"],
  timeoutConfiguration: { timeoutInMinutes: APPROVAL_TIMEOUT_MINUTES, action: "ROLLBACK" },
};

/** api's canary as a team would run it: 10 % for five minutes, then all, then five minutes' bake. */
export const API_CANARY: DeploymentConfiguration = {
  strategy: "CANARY",
  minimumHealthyPercent: 100,
  maximumPercent: 200,
  canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 5 },
  bakeTimeInMinutes: 5,
  lifecycleHooks: [APPROVAL_BEFORE_EACH_SHIFT],
};

/** The same canary without bake times, for the history the seed replays: at real time, ten minutes of baking would hold up start-up. */
export const API_CANARY_UNBAKED: DeploymentConfiguration = {
  ...API_CANARY,
  canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 0 },
  bakeTimeInMinutes: 0,
};

const LOAD_BALANCER_ROLE = `arn:aws:iam::${ACCOUNT}:role/ecsInfrastructureRoleForLoadBalancers`;
/** Unhealthy load-balancer checks are ignored this long after a task starts. */
const GRACE_PERIOD_SECONDS = 30;

function serviceFor(cluster: string, app: AppFamily, revision: number, desiredCount: number): CreateServiceCommandInput {
  return {
    cluster,
    serviceName: app.family,
    taskDefinition: `${app.family}:${revision}`,
    desiredCount,
    networkConfiguration: NETWORK,
    deploymentConfiguration: {
      strategy: "ROLLING",
      minimumHealthyPercent: 100,
      maximumPercent: 200,
      deploymentCircuitBreaker: { enable: true, rollback: true },
    },
    propagateTags: "SERVICE",
    enableECSManagedTags: true,
    tags: tags({ app: app.family, environment: cluster, team: "platform" }),
  };
}

export function webService(lb: DemoLoadBalancer, revision: number): CreateServiceCommandInput {
  return {
    ...serviceFor("demo", WEB, revision, 3),
    loadBalancers: [{ targetGroupArn: lb.web.blue, containerName: WEB.family, containerPort: WEB.port }],
    healthCheckGracePeriodSeconds: GRACE_PERIOD_SECONDS,
  };
}

export function apiService(lb: DemoLoadBalancer, revision: number, deploymentConfiguration: DeploymentConfiguration): CreateServiceCommandInput {
  return {
    ...serviceFor("demo", API, revision, 2),
    deploymentConfiguration,
    loadBalancers: [
      {
        targetGroupArn: lb.api.blue,
        containerName: API.family,
        containerPort: API.port,
        advancedConfiguration: {
          alternateTargetGroupArn: lb.api.green,
          productionListenerRule: lb.api.productionRuleArn,
          testListenerRule: lb.api.testRuleArn,
          roleArn: LOAD_BALANCER_ROLE,
        },
      },
    ],
    healthCheckGracePeriodSeconds: GRACE_PERIOD_SECONDS,
  };
}

export function workerService(revision: number): CreateServiceCommandInput {
  return serviceFor("demo", WORKER, revision, 2);
}

export function stagingWebService(revision: number): CreateServiceCommandInput {
  return { ...serviceFor("staging", WEB, revision, 1), launchType: "FARGATE" };
}
