import "server-only";
import type { Service, ServiceDeployment, ServiceRevision } from "@aws-sdk/client-ecs";
import { approvalQuestion, pausedSince } from "@/lib/rollout/approval-text";
import { imageChanges, type ApprovalsInbox, type AwaitingApproval } from "@/lib/view-models/approvals-inbox";
import { idOfArn, taskDefinitionRef } from "@/lib/view-models/common";
import { awaitingApproval, servingRevisionArn } from "@/lib/view-models/deployments";
import { deploymentStrategyLabel } from "@/lib/view-models/strategy";
import { ReadCache } from "@/server/aws/coalescing";
import { mapWithConcurrency } from "@/server/aws/concurrency";
import { connectionKey, type Connection } from "@/server/aws/connection";
import { settle } from "@/server/aws/errors";
import { activeClusters, servicesOf } from "./clusters-overview";
import { queryAudit } from "@/server/audit/audit-log";
import { describeCurrentDeployments } from "./current-deployments";
import { describeServiceRevisions } from "./service-revisions";

/** What starts a deployment through Slipway, each answering with the deployment's id. */
const STARTING_ACTIONS: ReadonlySet<string> = new Set(["service.deploy", "service.rollback"]);

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
 *   ecs:DescribeServiceRevisions    ⌈2W/20⌉  (W: deployments waiting; their target and serving revisions, for the images)
 *
 * The badge is polled by every open browser, so the whole read is kept INBOX_TTL_MS per
 * connection and shared while in flight: many browsers cost one read per interval. A decision
 * taken here forgets it, so the badge and the page drop the pause at once.
 */
export const INBOX_TTL_MS = 10_000;

/** Clusters read at once, as the overview does. */
const CLUSTERS_AT_ONCE = 4;

type RevisionsByArn = ReadonlyMap<string, ServiceRevision>;

function toAwaiting(cluster: string, service: Service, deployment: ServiceDeployment, revisions: RevisionsByArn): AwaitingApproval | undefined {
  const gate = awaitingApproval(deployment);
  if (!gate) return undefined;
  const configuration = deployment.deploymentConfiguration ?? {};
  const targetLabel = taskDefinitionRef(service.taskDefinition)?.label;
  const target = revisions.get(deployment.targetServiceRevision?.arn ?? "");
  const serving = servingRevisionArn(deployment);
  const source = serving !== deployment.targetServiceRevision?.arn ? revisions.get(serving ?? "") : undefined;
  const startedBy = whoStarted(service, gate.serviceDeploymentArn);
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
    sourceLabel: taskDefinitionRef(source?.taskDefinition)?.label,
    imageChanges: target ? imageChanges(source?.containerImages ?? [], target.containerImages ?? []) : [],
    ...(startedBy ? { startedBy } : {}),
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
  const paused = readable.flatMap(({ cluster, service }) => {
    const deployment = service.currentServiceDeployment ? deployments.value.get(service.currentServiceDeployment) : undefined;
    return deployment && awaitingApproval(deployment) ? [{ cluster, service, deployment }] : [];
  });
  // The images an approver says yes to: the target's and the serving source's, 20 revisions a call.
  const arns = paused.flatMap(({ deployment }) => [deployment.targetServiceRevision?.arn, servingRevisionArn(deployment)].filter((arn): arn is string => Boolean(arn)));
  const [described] = await settle([describeServiceRevisions(connection, arns)]);
  const revisions = new Map((described.ok ? described.value : []).map((revision) => [revision.serviceRevisionArn ?? "", revision]));
  const waiting = paused.flatMap(({ cluster, service, deployment }) => toAwaiting(cluster, service, deployment, revisions) ?? []);
  return { waiting: waiting.sort(soonestFirst), gaps, readAt };
}

/** Who started the deployment here, as the audit log has it: a deploy or rollback whose answer named it. */
function whoStarted(service: Service, serviceDeploymentArn: string): { name: string; at: string } | undefined {
  const id = idOfArn(serviceDeploymentArn);
  try {
    const entry = queryAudit({ resource: service.serviceArn ?? "", limit: 100 }).entries.find(
      (candidate) => STARTING_ACTIONS.has(candidate.action) && candidate.outcome === "succeeded" && candidate.detail?.includes(id),
    );
    return entry ? { name: entry.actor.name, at: entry.at } : undefined;
  } catch (error) {
    console.error("The audit log could not be read to say who started a deployment:", error);
    return undefined;
  }
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
