import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { PageHeader } from "@/components/ui/page-header";
import { RelativeTime } from "@/components/service/relative-time";
import { deploymentStatusText, lifecycleStageText, revisionLabel, type StatusText } from "@/lib/deployment-text";
import { clockTime } from "@/lib/rollout/approval-text";
import { isFinished } from "@/lib/rollout/sample";
import type { Decision } from "@/lib/schemas/rollout";
import { pagePaths } from "@/lib/query-keys";
import type { RolloutView } from "@/lib/view-models/rollout";

/** "web:5 → web:6": what the deployment moves from and to. */
export function rolloutTitle(view: RolloutView): string {
  const { deployment } = view;
  const to = revisionLabel(deployment.target?.revision ?? deployment.targetRevision, deployment.targetRevisionArn);
  const from = deployment.sources.filter((source) => source.serviceRevisionArn !== deployment.targetRevisionArn).map((source) => revisionLabel(source.revision, source.serviceRevisionArn));
  return from.length > 0 ? `${from.join(", ")} → ${to}` : to;
}

export function RolloutBreadcrumb({ cluster, service, deploymentId }: { cluster: string; service: string; deploymentId: string }) {
  return (
    <Breadcrumb
      items={[
        { label: "Clusters", href: pagePaths.clusters() },
        { label: cluster, href: pagePaths.cluster(cluster) },
        { label: service, href: pagePaths.service(cluster, service) },
        { label: `Deployment ${deploymentId}` },
      ]}
    />
  );
}

/** The status to show the moment this person answers the pause, before the next look at ECS confirms it. */
const ANSWERED: Record<Decision, StatusText> = {
  CONTINUE: { label: "In progress", tone: "info" },
  ROLLBACK: { label: "Rolling back", tone: "warn" },
};

/**
 * Where the deployment is: its status and why, its stage while it runs (a finished deployment
 * has none), its strategy, when it started and ended, and who decided what along the way.
 * `answered`: the decision this person has just taken on the pause still shown.
 */
export function RolloutHeader({ view, deploymentId, now, answered, aside }: { view: RolloutView; deploymentId: string; now: number; answered?: Decision; aside?: ReactNode }) {
  const { deployment } = view;
  const status = answered ? ANSWERED[answered] : deploymentStatusText(deployment.status, deployment.awaitingApproval !== undefined);
  const stage = isFinished(deployment.status) ? undefined : lifecycleStageText(deployment.lifecycleStage);
  return (
    <div>
      <RolloutBreadcrumb cluster={view.cluster} service={view.service} deploymentId={deploymentId} />
      <PageHeader
        title={`Deployment ${rolloutTitle(view)}`}
        description={`Service ${view.service} in cluster ${view.cluster} · ${deployment.strategy} · ${view.desiredCount} desired ${view.desiredCount === 1 ? "task" : "tasks"}`}
        aside={aside}
      />
      <dl className="mt-3 flex flex-wrap items-center gap-x-6 gap-y-2 text-sm">
        <div className="flex items-center gap-2">
          <dt className="sr-only">Status</dt>
          <dd>
            <Badge tone={status.tone}>{status.label}</Badge>
          </dd>
        </div>
        {stage && (
          <div className="flex gap-1">
            <dt className="text-ink-muted">Stage</dt>
            <dd className="font-medium">{stage}</dd>
          </div>
        )}
        {deployment.startedAt && (
          <div className="flex gap-1">
            <dt className="text-ink-muted">Started</dt>
            <dd>
              <RelativeTime iso={deployment.startedAt} now={now} />
            </dd>
          </div>
        )}
        {deployment.finishedAt && (
          <div className="flex gap-1">
            <dt className="text-ink-muted">Finished</dt>
            <dd>
              <RelativeTime iso={deployment.finishedAt} now={now} />
            </dd>
          </div>
        )}
      </dl>
      {deployment.statusReason && <p className="mt-2 max-w-prose text-sm text-ink-muted [overflow-wrap:anywhere]">{deployment.statusReason}</p>}
      {view.decisions.length > 0 && (
        <ul aria-label="Decisions" className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {view.decisions.map((decision) => (
            <li key={`${decision.what}:${decision.at}`}>
              {decision.what} by <span className="font-medium">{decision.by}</span> at <time dateTime={decision.at}>{clockTime(decision.at)}</time>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
