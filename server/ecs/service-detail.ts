import "server-only";
import { ServiceNotFoundException, type Service, type ServiceDeploymentBrief, type Task } from "@aws-sdk/client-ecs";
import { describeServiceDeployments, describeServices, describeTasks } from "@/server/aws/batching";
import type { Connection } from "@/server/aws/connection";
import { listServiceDeployments, listTaskArns } from "@/server/aws/ecs-lists";
import { isUnsupportedOperation, settle } from "@/server/aws/errors";
import { clusterName, serviceName } from "@/lib/arn";
import { deploymentsToDescribe, groupDeployments, revisionsToDescribe, toRevisionInfo } from "@/lib/view-models/deployments";
import {
  toDeploymentSettings,
  toServiceEvents,
  toServiceSummary,
  type ServiceDeploymentsView,
  type ServiceDetail,
} from "@/lib/view-models/service-detail";
import { deploymentsOfService, WITHOUT_SERVICE_DEPLOYMENTS } from "@/lib/view-models/service-own-deployments";
import { groupTasksByRevision, stoppedTasks } from "@/lib/view-models/tasks";
import { readServiceEntryPoints } from "./service-detail-entry-points";
import { describeServiceRevisions } from "./service-revisions";
import { readTargetHealth, toTargetGroupHealth } from "./target-health";

/**
 * One service's page: summary, deployment configuration and events; its service deployments
 * (ongoing, last, past) with the revisions they move between; target health per target group;
 * its tasks by revision and its stopped tasks. For a history of H service deployments, O of
 * them ongoing, R revisions among the ongoing and last deployments and the running ones,
 * P revisions the earlier deployments went to (at most the newest MAX_PAST_REVISIONS, so a
 * rollback can name them), T(r) running and T(s) stopped tasks, G target groups (alternates
 * included), B load balancers they are behind and L listeners shown:
 *
 *   ecs:DescribeServices            1
 *   ecs:ListServiceDeployments      max(1, ⌈H/100⌉)
 *   ecs:DescribeServiceDeployments  ⌈(O + 1)/20⌉, only the ongoing and the last; 0 when H = 0
 *   ecs:DescribeServiceRevisions    ⌈(R + P)/20⌉ (R is 1 to 3 but for long rollback chains)
 *   ecs:ListTasks                   max(1, ⌈T(r)/100⌉) + max(1, ⌈T(s)/100⌉)
 *   ecs:DescribeTasks               ⌈(T(r) + T(s))/100⌉
 *   elbv2:DescribeTargetHealth      G (ELBv2 takes one target group a call)
 *   elbv2:DescribeTargetGroups      1 when G > 0, to name the load balancers (where the service
 *                                   answers shares this read)
 *   elbv2:DescribeLoadBalancers     1 when B > 0     } where the service answers
 *   elbv2:DescribeListeners         B                } (service-detail-entry-points.ts)
 *   elbv2:DescribeRules             1 when the service names listener rules
 *   elbv2:DescribeTags              ⌈L/20⌉ when L > 0
 *
 * Past deployments are shown from ListServiceDeployments and their revisions; an endpoint without
 * service deployments gets the service's own `deployments` instead. Each part can fail alone; when
 * the service itself cannot be read, the detail's `error` says why, and a live read fails whole.
 */
async function describeService(connection: Connection, cluster: string, service: string): Promise<Service> {
  const { services } = await describeServices(connection, cluster, [service]);
  // ECS reports a service it does not know as a failure of the describe, not as an error.
  if (!services[0]) throw new ServiceNotFoundException({ message: "Service not found.", $metadata: {} });
  return services[0];
}

async function serviceTasks(connection: Connection, cluster: string, service: string): Promise<Task[]> {
  const lists = await Promise.all(
    // ListTasks filters by a service's name, not its ARN.
    (["RUNNING", "STOPPED"] as const).map((desiredStatus) => listTaskArns(connection, { cluster, serviceName: serviceName(service), desiredStatus })),
  );
  return (await describeTasks(connection, cluster, lists.flat())).tasks;
}

/** Earlier deployments whose revisions are described, newest first: enough to offer a rollback to any recent revision. */
const MAX_PAST_REVISIONS = 20;

function pastTargets(briefs: readonly ServiceDeploymentBrief[]): string[] {
  const sorted = [...briefs].sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0));
  return [...new Set(sorted.flatMap((brief) => brief.targetServiceRevisionArn ?? []))].slice(0, MAX_PAST_REVISIONS);
}

async function serviceDeployments(connection: Connection, cluster: string, service: string, described: Promise<Service>): Promise<ServiceDeploymentsView> {
  const briefs = await listServiceDeployments(connection, { cluster, service }).catch(async (error: unknown) => {
    if (!isUnsupportedOperation(error)) throw error;
    return undefined;
  });
  if (!briefs) return { ...deploymentsOfService(await described), withoutServiceDeployments: WITHOUT_SERVICE_DEPLOYMENTS };
  const { serviceDeployments } = await describeServiceDeployments(connection, deploymentsToDescribe(briefs));
  // Without the service, the revisions it runs now are unknown; the deployments' own still are.
  const current = await described.catch(() => undefined);
  const toDescribe = [...new Set([...revisionsToDescribe(serviceDeployments, current), ...pastTargets(briefs)])];
  const [revisions] = await settle([describeServiceRevisions(connection, toDescribe)]);
  const known = new Map((revisions.ok ? revisions.value : []).map((revision) => [revision.serviceRevisionArn!, toRevisionInfo(revision)]));
  return {
    ...groupDeployments(briefs, serviceDeployments, known),
    revisions: [...known.values()],
    ...(revisions.ok ? {} : { revisionsError: revisions.error }),
  };
}

function toServiceParts(service: Service) {
  return { summary: toServiceSummary(service), deploymentConfiguration: toDeploymentSettings(service), events: toServiceEvents(service) };
}

export async function readServiceDetail(connection: Connection, cluster: string, service: string): Promise<ServiceDetail> {
  const described = describeService(connection, cluster, service);
  const tasks = serviceTasks(connection, cluster, service);
  // All reads start now and are settled together, so no failure goes unhandled while another is awaited.
  const [serviceRead, deploymentsRead, tasksRead, healthRead, entryPointsRead] = await settle([
    described,
    serviceDeployments(connection, cluster, service, described),
    tasks,
    described.then((found) => readTargetHealth(connection, found)),
    described.then((found) => readServiceEntryPoints(connection, found)),
  ]);
  return {
    ...(serviceRead.ok ? {} : { error: serviceRead.error }),
    clusterName: clusterName(cluster),
    serviceName: serviceName(service),
    service: serviceRead.ok ? { ok: true, value: toServiceParts(serviceRead.value) } : serviceRead,
    deployments: deploymentsRead,
    loadBalancers: healthRead.ok ? toTargetGroupHealth(healthRead.value, tasksRead.ok ? tasksRead.value : []) : [],
    // Without the service there is nothing to say here; its failure is the page's.
    entryPoints: serviceRead.ok ? entryPointsRead : { ok: true, value: [] },
    tasks: tasksRead.ok ? { ok: true, value: { byRevision: groupTasksByRevision(tasksRead.value), stopped: stoppedTasks(tasksRead.value) } } : tasksRead,
  };
}
