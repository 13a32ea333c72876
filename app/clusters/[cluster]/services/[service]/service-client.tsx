"use client";

import { useState } from "react";
import { ActionResultNotice } from "@/components/actions/action-result-notice";
import { useCan } from "@/components/auth/permissions-context";
import { Freshness } from "@/components/live/freshness";
import { LiveFailure } from "@/components/live/live-status";
import { POLL_MS, useLiveView } from "@/components/live/use-live-view";
import { DeploymentSettingsSection } from "@/components/service/deployment-settings";
import { DeploymentsSection } from "@/components/service/deployments-section";
import { LoadBalancersSection } from "@/components/service/load-balancers-section";
import { ServiceEvents } from "@/components/service/service-events";
import { ServiceHeader } from "@/components/service/service-header";
import { ServiceNotFound } from "@/components/service/service-not-found";
import { ServiceOperations } from "@/components/service/service-operations";
import { ServiceSummary } from "@/components/service/service-summary";
import { ServiceTasks } from "@/components/service/service-tasks";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/action-result";
import type { LiveRead } from "@/lib/live-read";
import { liveReadPaths, queryKeys } from "@/lib/query-keys";
import { serviceBadges } from "@/lib/service-status-text";
import type { DeploymentDetail } from "@/lib/view-models/deployments";
import { currentRevisionViews, type ServiceDetail } from "@/lib/view-models/service-detail";
import type { TargetGroupHealth } from "@/lib/view-models/target-health";

type ServiceParts = Extract<ServiceDetail["service"], { ok: true }>["value"];

function ServiceBody({ cluster, detail, parts, now, canOperate }: { cluster: string; detail: ServiceDetail; parts: ServiceParts; now: number; canOperate: boolean }) {
  const revisions = detail.deployments.ok ? detail.deployments.value.revisions : [];
  // A service being deleted, or deleted, takes no deployment.
  const rollback = canOperate && parts.summary.status === "ACTIVE"
    ? {
        cluster,
        service: parts.summary.name,
        current: parts.summary.taskDefinition?.label,
        strategy: parts.deploymentConfiguration.label,
        ongoing: detail.deployments.ok ? detail.deployments.value.ongoing.length : 0,
      }
    : undefined;
  return (
    <>
      <div className="grid gap-6 lg:grid-cols-3">
        <ServiceSummary summary={parts.summary} revisions={currentRevisionViews(parts.summary, revisions)} now={now} />
        <DeploymentSettingsSection settings={parts.deploymentConfiguration} controller={parts.summary.deploymentController} />
      </div>
      <DeploymentsSection deployments={detail.deployments} now={now} rollback={rollback} />
      <LoadBalancersSection cluster={cluster} groups={detail.loadBalancers} entryPoints={detail.entryPoints} />
      <ServiceTasks cluster={cluster} tasks={detail.tasks} now={now} />
      <ServiceEvents events={parts.events} now={now} />
    </>
  );
}

function targetGroupNames(groups: readonly TargetGroupHealth[]): string[] {
  return groups.map((group) => group.targetGroupName ?? group.targetGroupArn);
}

/** A service ECS is deleting (DRAINING) or has deleted (INACTIVE): nothing can be done to it any more. */
function DeletedNotice({ status }: { status: string | undefined }) {
  return status === "DRAINING" ? (
    <Notice tone="warn" title="This service is being deleted">
      <p>ECS is stopping its tasks; then it is gone. Nothing can be deployed to it, scaled or changed.</p>
    </Notice>
  ) : (
    <Notice tone="info" title="This service was deleted">
      <p>ECS keeps a deleted service&rsquo;s record for a while; nothing can be deployed to it, scaled or changed. Create a new service to run this work again.</p>
    </Notice>
  );
}

/** An operation's success, kept on the page until the next one or until dismissed; failures stay in their dialog. */
function OperationOutcome({ outcome, onDismiss }: { outcome: ActionResult<unknown> | undefined; onDismiss: () => void }) {
  if (!outcome) return null;
  return (
    <div className="flex items-start gap-2">
      <div className="min-w-0 flex-1">
        <ActionResultNotice result={outcome} failureTitle="The operation failed" />
      </div>
      <Button onClick={onDismiss}>Dismiss</Button>
    </div>
  );
}

export function ServiceClient({ cluster, service, initial }: { cluster: string; service: string; initial: LiveRead<ServiceDetail> }) {
  const canOperate = useCan("operate");
  const { data, failure, updatedAt, now } = useLiveView({
    queryKey: queryKeys.clusters.service(cluster, service),
    path: liveReadPaths.service(cluster, service),
    initial,
    what: "The service",
  });
  const [outcome, setOutcome] = useState<ActionResult<unknown>>();

  if (!data && failure?.code === "not-found") return <ServiceNotFound cluster={cluster} service={service} failure={failure} />;

  const parts = data?.service.ok ? data.service.value : undefined;
  const ongoing: DeploymentDetail[] = data?.deployments.ok ? data.deployments.value.ongoing : [];
  const summary = parts?.summary;
  return (
    <div className="space-y-6">
      <ServiceHeader
        cluster={cluster}
        service={service}
        badges={summary ? serviceBadges(summary, ongoing) : []}
        description={`Service in cluster ${cluster}${parts ? ` · ${parts.deploymentConfiguration.label}` : ""} · refreshed every ${POLL_MS / 1000} seconds`}
        aside={
          <>
            {updatedAt !== undefined && <Freshness updatedAt={updatedAt} now={now} stale={failure !== undefined} />}
            {canOperate && summary?.status === "ACTIVE" && parts && (
              <ServiceOperations
                scale={{ cluster, service, desired: summary.desired, running: summary.running }}
                redeploy={{ cluster, service, taskDefinition: summary.taskDefinition?.label, desired: summary.desired, strategy: parts.deploymentConfiguration.label, ongoing: ongoing.length }}
                remove={{ cluster, service, running: summary.running + summary.pending, targetGroups: targetGroupNames(data?.loadBalancers ?? []) }}
                onDone={setOutcome}
              />
            )}
          </>
        }
      />
      <OperationOutcome outcome={outcome} onDismiss={() => setOutcome(undefined)} />
      {summary && summary.status !== "ACTIVE" && <DeletedNotice status={summary.status} />}
      <LiveFailure failure={failure} hasData={data !== undefined} what="service" />
      {data && parts && <ServiceBody cluster={cluster} detail={data} parts={parts} now={now} canOperate={canOperate} />}
    </div>
  );
}
