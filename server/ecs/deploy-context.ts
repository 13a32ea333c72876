import "server-only";
import { ListTaskDefinitionsCommand, ServiceNotFoundException, type Service, type ServiceDeployment } from "@aws-sdk/client-ecs";
import { parseArn, parseEcsArn } from "@/lib/arn";
import type { AwsFailure } from "@/lib/aws-errors";
import { strategyAvailability } from "@/lib/deploy/prerequisites";
import { idOfArn, isoDate, type Part } from "@/lib/view-models/common";
import { currentDeploymentInProgress } from "@/lib/view-models/clusters";
import { defaultTrafficRole } from "@/lib/view-models/load-balancing-create";
import { toRevisionView } from "@/lib/view-models/task-definitions";
import type { DeployCandidate, DeployContext, OngoingDeployment, RevisionChoice, TrafficShiftingChoices } from "@/lib/view-models/deploy-context";
import { describeServiceDeployments, describeServices } from "@/server/aws/batching";
import type { Connection } from "@/server/aws/connection";
import { settle, toAwsFailure } from "@/server/aws/errors";
import { readEcs } from "@/server/aws/reads";
import { readAlarmChoices } from "@/server/cloudwatch/alarm-choices";
import { readLoadBalancingChoices } from "@/server/elb/load-balancing-choices";
import { compareRevisions } from "./task-definition-compare";
import { servingTaskDefinition } from "./serving-revision";
import { describeRevision } from "./task-definition-revision";

/**
 * What the deploy wizard needs of a service, read once when the page opens (a deploy re-reads
 * the service on the server, so nothing here has to stay live):
 *
 *   ecs:DescribeServices            1
 *   ecs:DescribeTaskDefinition      1   (the revision serving production, include TAGS; masked for the viewer)
 *   ecs:ListTaskDefinitions         1   (the family's ACTIVE revisions, newest first: the first page, up to 100)
 *   ecs:DescribeServiceDeployments  1   only while a deployment is in progress, else 0 (one read, shared)
 *   ecs:DescribeServiceRevisions    1   only while a deployment's source still serves production, else 0
 *   cloudwatch:DescribeAlarms       ⌈A/100⌉ for the A alarms a deployment can watch
 *   elbv2 (server/elb/load-balancing-choices.ts), only for a service with one target group that
 *                                   cannot shift traffic yet: what the deploy can set up is picked from them
 *
 * They run in parallel once the service is known, but the revision serving production, which
 * waits for the deployment in progress. The revision list and the ongoing
 * deployment can fail alone; the page then says so where they would be.
 */
/** The most ListTaskDefinitions returns a page; older revisions can still be deployed from their own page. */
const REVISIONS_PAGE = 100;

export async function readDeployContext(connection: Connection, cluster: string, serviceName: string, { canSeeSecrets }: { canSeeSecrets: boolean }): Promise<Part<DeployContext>> {
  const [described] = await settle([describeServices(connection, cluster, [serviceName])]);
  if (!described.ok) return described;
  const service = described.value.services[0];
  // A service being deleted (DRAINING) or deleted (INACTIVE) takes no deployment: there is nothing to deploy to.
  if (!service || service.status !== "ACTIVE") return { ok: false, error: notFound(serviceName, service?.status) };
  const availability = strategyAvailability(service);
  const [serving, revisions, ongoing, trafficShifting, [alarms]] = await Promise.all([
    servingTaskDefinition(connection, service),
    activeRevisions(connection, service.taskDefinition ?? ""),
    ongoingDeployment(connection, service),
    availability.some((entry) => entry.canSetUp) ? trafficShiftingChoices(connection, service) : undefined,
    settle([readAlarmChoices(connection)]),
  ]);
  const current = await describeRevision(connection, serving);
  if (!current.ok) return current;
  return {
    ok: true,
    value: {
      service: planningView(service),
      current: toRevisionView(current.value.taskDefinition, current.value.tags, canSeeSecrets),
      revisions,
      ongoing,
      availability,
      ...(trafficShifting ? { trafficShifting } : {}),
      alarms,
    },
  };
}

function notFound(service: string, status?: string): AwsFailure {
  const message = status === "DRAINING" ? `Service ${service} is being deleted.` : `Service ${service} not found.`;
  return toAwsFailure(new ServiceNotFoundException({ message, $metadata: {} }));
}

/** The family's ACTIVE revisions, newest first; familyPrefix also matches longer names ("web" finds "web-admin"), so those are left out. */
async function activeRevisions(connection: Connection, currentArn: string): Promise<Part<RevisionChoice[]>> {
  const current = parseEcsArn(currentArn);
  if (current?.type !== "task-definition") return { ok: true, value: [] };
  const [listed] = await settle([
    readEcs(connection, new ListTaskDefinitionsCommand({ familyPrefix: current.family, status: "ACTIVE", sort: "DESC", maxResults: REVISIONS_PAGE })),
  ]);
  if (!listed.ok) return listed;
  const choices = (listed.value.taskDefinitionArns ?? []).flatMap((arn) => {
    const parsed = parseEcsArn(arn);
    if (parsed?.type !== "task-definition" || parsed.family !== current.family || parsed.revision === undefined) return [];
    return [{ arn, label: `${parsed.family}:${parsed.revision}`, revision: parsed.revision, current: arn === currentArn }];
  });
  return { ok: true, value: choices };
}

async function trafficShiftingChoices(connection: Connection, service: Service): Promise<TrafficShiftingChoices> {
  const [choices] = await settle([readLoadBalancingChoices(connection, [service])]);
  return { choices, defaultRoleArn: defaultTrafficRole(parseArn(service.serviceArn ?? "")?.accountId) };
}

async function ongoingDeployment(connection: Connection, service: Service): Promise<Part<OngoingDeployment | undefined>> {
  const arn = currentDeploymentInProgress(service);
  if (!arn) return { ok: true, value: undefined };
  const [described] = await settle([describeServiceDeployments(connection, [arn])]);
  if (!described.ok) return described;
  const deployment: ServiceDeployment | undefined = described.value.serviceDeployments[0];
  return {
    ok: true,
    value: {
      id: idOfArn(arn),
      arn,
      status: deployment?.status,
      lifecycleStage: deployment?.lifecycleStage,
      startedAt: isoDate(deployment?.startedAt ?? deployment?.createdAt),
      targetRevision: primaryRevision(service),
    },
  };
}

/** What the ongoing deployment deploys: the PRIMARY deployment's revision (the service's deployments list has it without another read). */
function primaryRevision(service: Service): string | undefined {
  const primary = service.deployments?.find((deployment) => deployment.status === "PRIMARY");
  const parsed = primary?.taskDefinition ? parseEcsArn(primary.taskDefinition) : undefined;
  return parsed?.type === "task-definition" ? `${parsed.family}:${parsed.revision}` : undefined;
}

/** Only what planning, availability and warnings read: no dates or events to serialise, nothing the page does not use. */
function planningView(service: Service): Service {
  return {
    serviceName: service.serviceName,
    serviceArn: service.serviceArn,
    clusterArn: service.clusterArn,
    status: service.status,
    taskDefinition: service.taskDefinition,
    desiredCount: service.desiredCount,
    runningCount: service.runningCount,
    deploymentController: service.deploymentController,
    deploymentConfiguration: service.deploymentConfiguration,
    loadBalancers: service.loadBalancers,
    healthCheckGracePeriodSeconds: service.healthCheckGracePeriodSeconds,
    currentServiceDeployment: service.currentServiceDeployment,
    deployments: service.deployments?.map(({ id, status, rolloutState, taskDefinition }) => ({ id, status, rolloutState, taskDefinition })),
  };
}

/**
 * An existing revision the wizard may deploy, against the one the service runs, for its review step:
 *
 *   ecs:DescribeTaskDefinition  2   (both revisions, include TAGS; the chosen one's read is shared
 *                                    by the comparison and the images; 1 when both are the same)
 */
export async function readDeployCandidate(connection: Connection, current: string, chosen: string, { canSeeSecrets }: { canSeeSecrets: boolean }): Promise<DeployCandidate> {
  const [comparison, described] = await Promise.all([compareRevisions(connection, current, chosen, { canSeeSecrets }), describeRevision(connection, chosen)]);
  const containers = described.ok ? (described.value.taskDefinition.containerDefinitions ?? []).map(({ name, image }) => ({ name, image })) : [];
  return { comparison, containers };
}
