import "server-only";
import type { Service, ServiceDeployment } from "@aws-sdk/client-ecs";
import { approvalQuestion, pausedSince } from "@/lib/rollout/approval-text";
import type { ApprovalsInbox, AwaitingApproval } from "@/lib/view-models/approvals-inbox";
import { idOfArn, taskDefinitionRef } from "@/lib/view-models/common";
import { awaitingApproval } from "@/lib/view-models/deployments";
import { deploymentStrategyLabel } from "@/lib/view-models/strategy";
import { ReadCache } from "@/server/aws/coalescing";
import { mapWithConcurrency } from "@/server/aws/concurrency";
import { connectionKey, type Connection } from "@/server/aws/connection";
import { settle } from "@/server/aws/errors";
import { activeClusters, servicesOf } from "./clusters-overview";
import { describeCurrentDeployments } from "./current-deployments";

/**
 * Every deployment waiting for a person, across clusters: the approvals page and the top bar's
 * badge. It reads what the clusters overview reads, in the same calls (so one shortly after the
 * other costs nothing more, through the shared read cache):
 *
 *   ecs:ListClusters                max(1, ⌈C/100⌉)
 *   ecs:DescribeClusters            ⌈C/100⌉
 *   ecs:ListServices                Σc max(1, ⌈S(c)/100⌉)
 *   ecs:DescribeServices            Σc ⌈S(c)/10⌉
 *   ecs:DescribeServiceDeployments  ⌈D/20⌉   (D: services deploying)
 *
 * The badge is polled by every open browser, so the whole read is kept INBOX_TTL_MS per
 * connection and shared while in flight: many browsers cost one read per interval. A decision
 * taken here forgets it, so the badge and the page drop the pause at once.
 */
export const INBOX_TTL_MS = 10_000;

/** Clusters read at once, as the overview does. */
const CLUSTERS_AT_ONCE = 4;

function toAwaiting(cluster: string, service: Service, deployment: ServiceDeployment): AwaitingApproval | undefined {
  const gate = awaitingApproval(deployment);
  if (!gate) return undefined;
  const configuration = deployment.deploymentConfiguration ?? {};
  const targetLabel = taskDefinitionRef(service.taskDefinition)?.label;
  return {
    cluster,
    service: service.serviceName ?? "",
    strategy: deploymentStrategyLabel(configuration),
    serviceDeploymentArn: gate.serviceDeploymentArn,
    deploymentId: idOfArn(gate.serviceDeploymentArn),
    hookId: gate.hookId,
    lifecycleStage: gate.lifecycleStage,
    question: approvalQuestion({
      lifecycleStage: gate.lifecycleStage,
      configuration,
      targetWeight: deployment.targetServiceRevision?.requestedProductionTrafficWeight,
      targetLabel,
    }),
    targetLabel,
    pausedSince: pausedSince(gate, configuration),
    expiresAt: gate.expiresAt,
    timeoutAction: gate.timeoutAction,
  };
}

const soonestFirst = (a: AwaitingApproval, b: AwaitingApproval) =>
  (a.expiresAt ? Date.parse(a.expiresAt) : Infinity) - (b.expiresAt ? Date.parse(b.expiresAt) : Infinity) ||
  `${a.cluster}/${a.service}`.localeCompare(`${b.cluster}/${b.service}`);

export async function readApprovalsInbox(connection: Connection): Promise<ApprovalsInbox> {
  const readAt = new Date().toISOString();
  const [listed] = await settle([activeClusters(connection)]);
  if (!listed.ok) return { waiting: [], gaps: [], readAt, error: listed.error };
  const clusters = listed.value.map((cluster) => cluster.clusterName ?? "");
  const services = await mapWithConcurrency(listed.value, CLUSTERS_AT_ONCE, (cluster) => servicesOf(connection, cluster.clusterArn!));
  const readable = services.flatMap((read, index) => (read.ok ? read.value.map((service) => ({ cluster: clusters[index], service })) : []));
  const deployments = await describeCurrentDeployments(connection, readable.map(({ service }) => service));
  const gaps = services.flatMap((read, index) => (read.ok ? [] : [{ cluster: clusters[index], error: read.error }]));
  if (!deployments.ok) return { waiting: [], gaps: [...gaps, { error: deployments.error }], readAt };
  const waiting = readable.flatMap(({ cluster, service }) => {
    const deployment = service.currentServiceDeployment ? deployments.value.get(service.currentServiceDeployment) : undefined;
    return (deployment && toAwaiting(cluster, service, deployment)) ?? [];
  });
  return { waiting: waiting.sort(soonestFirst), gaps, readAt };
}

let inboxes = new ReadCache({ ttlMs: INBOX_TTL_MS, now: () => performance.now() });

/** The inbox as the page and the badge read it: one read per connection per INBOX_TTL_MS, however many ask. */
export async function cachedApprovalsInbox(connection: Connection): Promise<ApprovalsInbox> {
  const key = connectionKey(connection);
  const inbox = await inboxes.share(key, () => readApprovalsInbox(connection));
  // A failure is not kept: the next poll tries again.
  if (inbox.error || inbox.gaps.length) inboxes.forget(key);
  return inbox;
}

/** After a decision or a stop: the next read goes to AWS. */
export function forgetApprovalsInbox(connection: Connection): void {
  inboxes.forget(connectionKey(connection));
}

/** Empties the cache, with a clock of the test's own. */
export function resetApprovalsInboxCache(now: () => number = () => performance.now()): void {
  inboxes = new ReadCache({ ttlMs: INBOX_TTL_MS, now });
}
