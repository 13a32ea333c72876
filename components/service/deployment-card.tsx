import Link from "next/link";
import { useId, type ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { circuitBreakerText, deploymentDurationText, deploymentStatusText, lifecycleStageText, revisionLabel } from "@/lib/deployment-text";
import { pagePaths } from "@/lib/query-keys";
import { isOngoing, type DeploymentDetail, type RevisionProgress } from "@/lib/view-models/deployments";
import { ApprovalCallout } from "./approval-callout";
import { RelativeTime } from "./relative-time";
import { RevisionFlow } from "./revision-flow";

const labelOf = (progress: RevisionProgress) => revisionLabel(progress.revision, progress.serviceRevisionArn);

/** "api:2 → api:3", read as "api:2 to api:3"; a first deployment has no source. */
function Transition({ deployment }: { deployment: DeploymentDetail }) {
  const to = deployment.target ? labelOf(deployment.target) : revisionLabel(deployment.targetRevision, deployment.targetRevisionArn);
  const from = deployment.sources.filter((source) => source.serviceRevisionArn !== deployment.targetRevisionArn).map(labelOf);
  if (from.length === 0) return <>{to}</>;
  return (
    <>
      {from.join(", ")} <span aria-hidden="true">→</span>
      <span className="sr-only">to</span> {to}
    </>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-ink-muted">{term}</dt>
      <dd className="[overflow-wrap:anywhere]">{children}</dd>
    </div>
  );
}

function rollbackTarget(deployment: DeploymentDetail): string | undefined {
  const arn = deployment.rollback?.serviceRevisionArn;
  if (!arn) return undefined;
  const source = deployment.sources.find((candidate) => candidate.serviceRevisionArn === arn);
  return source ? labelOf(source) : revisionLabel(undefined, arn);
}

function Rollback({ deployment, now }: { deployment: DeploymentDetail; now: number }) {
  const rollback = deployment.rollback;
  if (!rollback) return null;
  const to = rollbackTarget(deployment);
  return (
    <p className="rounded-md border border-warn-line bg-warn-soft px-3 py-2 text-sm">
      <strong className="font-semibold text-warn">Rolled back</strong>
      {to && <> to {to}</>}
      {rollback.startedAt && (
        <>
          {" "}
          <RelativeTime iso={rollback.startedAt} now={now} />
        </>
      )}
      {rollback.reason && <>: {rollback.reason}</>}
    </p>
  );
}

/** An ongoing or last deployment in full: status, strategy, revisions with tasks and traffic, and its safety nets; `action` is what a person can do about it. */
export function DeploymentCard({ deployment, now, action }: { deployment: DeploymentDetail; now: number; action?: ReactNode }) {
  const titleId = useId();
  const gate = deployment.awaitingApproval;
  const status = deploymentStatusText(deployment.status, Boolean(gate));
  const ongoing = isOngoing(deployment.status);
  const duration = deploymentDurationText(deployment, now);
  const stage = ongoing ? lifecycleStageText(deployment.lifecycleStage) : undefined;
  const breaker = circuitBreakerText(deployment.circuitBreaker);
  const rollout = pagePaths.deploymentOf(deployment.serviceDeploymentArn);
  return (
    <article aria-labelledby={titleId} className={`space-y-3 rounded-md border p-3 sm:p-4 ${gate ? "border-warn-line" : "border-line"}`}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <h4 id={titleId} className="font-semibold [overflow-wrap:anywhere]">
          <Transition deployment={deployment} />
        </h4>
        <Badge tone={status.tone}>{status.label}</Badge>
        <span className="text-sm text-ink-muted">{deployment.strategy}</span>
        {rollout && (
          <Link href={rollout} className="ml-auto text-sm font-medium text-link underline underline-offset-2 hover:no-underline">
            {ongoing ? "Watch the rollout" : "Open the rollout"}
            <span className="sr-only"> of deployment {deployment.id}</span>
          </Link>
        )}
      </div>
      <dl className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
        <Fact term="Started">
          <RelativeTime iso={deployment.startedAt ?? deployment.createdAt} now={now} />
        </Fact>
        {deployment.finishedAt ? (
          <Fact term="Finished">
            <RelativeTime iso={deployment.finishedAt} now={now} />
            {duration && <span className="text-ink-muted"> · took {duration}</span>}
          </Fact>
        ) : (
          duration && <Fact term="Running for">{duration}</Fact>
        )}
        {stage && <Fact term="Stage">{stage}</Fact>}
        {breaker && <Fact term="Circuit breaker">{breaker}</Fact>}
        <Fact term="Deployment ID">
          <span className="font-mono text-xs">{deployment.id}</span>
        </Fact>
      </dl>
      {gate && <ApprovalCallout gate={gate} now={now} />}
      <RevisionFlow sources={deployment.sources} target={deployment.target} />
      {deployment.statusReason && <p className="text-sm text-ink-muted">{deployment.statusReason}</p>}
      <Rollback deployment={deployment} now={now} />
      {action && <div className="flex flex-wrap justify-end gap-2">{action}</div>}
    </article>
  );
}
