import {
  ContinueServiceDeploymentCommand,
  CreateClusterCommand,
  CreateServiceCommand,
  DescribeClustersCommand,
  ECSClient,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
  type DeploymentConfiguration,
} from "@aws-sdk/client-ecs";
import { ElasticLoadBalancingV2Client } from "@aws-sdk/client-elastic-load-balancing-v2";
import { API, tags, taskDefinitionFor, WEB, WORKER } from "./apps";
import { createDemoLoadBalancer, listenerAddress } from "./load-balancer";
import { API_CANARY, API_CANARY_UNBAKED, APPROVAL_TIMEOUT_MINUTES, apiService, stagingWebService, webService, workerService } from "./services";
import { waitForPause, waitForSuccess, waitUntilStable } from "./waits";

/**
 * A believable demo account, built only through the public ECS and ELBv2 APIs so that it is
 * exactly what a user with the AWS CLI could have built: two clusters, three application
 * families with a few revisions each, four services, a load balancer in front of web and api,
 * and some history — web rolled forward once, api promoted through one approved canary — and
 * one more api canary left waiting for approval, for a person to decide.
 */
const DEMO_CREDENTIALS = { accessKeyId: "test", secretAccessKey: "test" };

export interface SeedOptions {
  /** The region to sign requests for; local ECS builds its ARNs in it. */
  region?: string;
}

export interface DemoSummary {
  /** Where the production listener (port 80) and the test listener (8080) answer here; web.<DNS name> reaches web, api.<DNS name> api. */
  productionAddress: string;
  testAddress: string;
  /** The api canary left at its first pause. */
  awaitingApproval: { cluster: string; service: string; taskDefinition: string; serviceDeploymentArn: string; hookId: string };
}

/** Creates the demo account; undefined when it exists already. */
export async function seedDemo(endpoint: string, options: SeedOptions = {}): Promise<DemoSummary | undefined> {
  const region = options.region ?? "us-east-1";
  const ecs = new ECSClient({ endpoint, region, credentials: DEMO_CREDENTIALS });
  const elb = new ElasticLoadBalancingV2Client({ endpoint, region, credentials: DEMO_CREDENTIALS });
  try {
    if (await alreadySeeded(ecs)) return undefined;
    await createClusters(ecs);
    // Revisions are numbered in registration order, so families register one version at a time.
    for (const app of [WEB, API, WORKER]) {
      for (const version of app.versions) await ecs.send(new RegisterTaskDefinitionCommand(taskDefinitionFor(app, version, region)));
    }
    const lb = await createDemoLoadBalancer(elb);
    // web starts one release behind and api two, then they roll forward: their history shows it.
    await Promise.all([
      ecs.send(new CreateServiceCommand(webService(lb, 3))),
      ecs.send(new CreateServiceCommand(apiService(lb, 1, API_CANARY_UNBAKED))),
      ecs.send(new CreateServiceCommand(workerService(2))),
      ecs.send(new CreateServiceCommand(stagingWebService(5))),
    ]);
    await waitUntilStable(ecs, "demo", ["web", "api"]);
    await Promise.all([rollForward(ecs, "web", "web:4"), promoteApprovedCanary(ecs, "api:2")]);
    // Last, the canary a person finds waiting, with the bake times the team really uses.
    const serviceDeploymentArn = await deploy(ecs, "api", "api:3", API_CANARY);
    const hookId = await waitForPause(ecs, serviceDeploymentArn);
    return {
      productionAddress: await listenerAddress(elb, lb.productionListenerArn),
      testAddress: await listenerAddress(elb, lb.testListenerArn),
      awaitingApproval: { cluster: "demo", service: "api", taskDefinition: "api:3", serviceDeploymentArn, hookId },
    };
  } finally {
    ecs.destroy();
    elb.destroy();
  }
}

/** Lines for the start-up output: where the demo answers, and what awaits a decision. */
export function demoNotes(summary: DemoSummary, timeScale = 1): string[] {
  const at = (host: string, address: string) => address.replace("://", `://${host}.`);
  const { awaitingApproval: paused } = summary;
  return [
    "The load balancer demo routes by host name:",
    `  ${at("web", summary.productionAddress)}/  service web (so does ${summary.productionAddress}/)`,
    `  ${at("api", summary.productionAddress)}/  service api; its test traffic on ${summary.testAddress}/`,
    `Service ${paused.service} in cluster ${paused.cluster} has a canary to ${paused.taskDefinition} awaiting approval before its first traffic shift.`,
    `  Approve each step with ContinueServiceDeployment (or roll back with StopServiceDeployment); left alone, it rolls back in ${realDuration(APPROVAL_TIMEOUT_MINUTES * 60 / timeScale)}:`,
    `  service deployment ${paused.serviceDeploymentArn}, hook ${paused.hookId}`,
  ];
}

function realDuration(seconds: number): string {
  if (seconds >= 7200) return `${Math.round(seconds / 3600)} hours`;
  if (seconds >= 120) return `${Math.round(seconds / 60)} minutes`;
  return `${Math.round(seconds)} seconds`;
}

async function alreadySeeded(ecs: ECSClient): Promise<boolean> {
  const { clusters } = await ecs.send(new DescribeClustersCommand({ clusters: ["demo"] }));
  return clusters?.some((cluster) => cluster.status === "ACTIVE") ?? false;
}

async function createClusters(ecs: ECSClient): Promise<void> {
  await ecs.send(
    new CreateClusterCommand({
      clusterName: "demo",
      capacityProviders: ["FARGATE", "FARGATE_SPOT"],
      defaultCapacityProviderStrategy: [
        { capacityProvider: "FARGATE", weight: 1 },
        { capacityProvider: "FARGATE_SPOT", weight: 1 },
      ],
      settings: [{ name: "containerInsights", value: "enabled" }],
      tags: tags({ environment: "demo", team: "platform" }),
    }),
  );
  await ecs.send(
    new CreateClusterCommand({
      clusterName: "staging",
      capacityProviders: ["FARGATE"],
      defaultCapacityProviderStrategy: [{ capacityProvider: "FARGATE", weight: 1 }],
      tags: tags({ environment: "staging", team: "platform" }),
    }),
  );
}

/** Starts a deployment of `taskDefinition` and returns its service deployment's ARN. */
async function deploy(ecs: ECSClient, service: string, taskDefinition: string, deploymentConfiguration?: DeploymentConfiguration): Promise<string> {
  const updated = await ecs.send(new UpdateServiceCommand({ cluster: "demo", service, taskDefinition, deploymentConfiguration }));
  const arn = updated.service?.currentServiceDeployment;
  if (!arn) throw new Error(`updating the demo service ${service} started no deployment`);
  return arn;
}

async function rollForward(ecs: ECSClient, service: string, taskDefinition: string): Promise<void> {
  await deploy(ecs, service, taskDefinition);
  await waitUntilStable(ecs, "demo", [service]);
}

/** A canary approved at both pauses — before the 10 % step and before the rest — as a person would. */
async function promoteApprovedCanary(ecs: ECSClient, taskDefinition: string): Promise<void> {
  const serviceDeploymentArn = await deploy(ecs, "api", taskDefinition);
  const decided: string[] = [];
  for (let pause = 0; pause < 2; pause++) {
    const hookId = await waitForPause(ecs, serviceDeploymentArn, decided);
    await ecs.send(new ContinueServiceDeploymentCommand({ serviceDeploymentArn, hookId, action: "CONTINUE" }));
    decided.push(hookId);
  }
  await waitForSuccess(ecs, serviceDeploymentArn);
  await waitUntilStable(ecs, "demo", ["api"]);
}
