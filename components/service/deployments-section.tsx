"use client";

import Link from "next/link";
import { useId, useState, type ReactNode } from "react";
import { ActionResultNotice } from "@/components/actions/action-result-notice";
import { useAction } from "@/components/actions/use-action";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Notice } from "@/components/ui/notice";
import { FailureDetails } from "@/components/ui/failure-details";
import { deploymentDurationText, deploymentStatusText, revisionLabel } from "@/lib/deployment-text";
import { pagePaths, queryKeys } from "@/lib/query-keys";
import type { Part } from "@/lib/view-models/common";
import type { DeploymentSummary, RevisionInfo } from "@/lib/view-models/deployments";
import type { ServiceDeploymentsView } from "@/lib/view-models/service-detail";
import { rollbackService } from "@/server/actions/rollback-service";
import { DeploymentCard } from "./deployment-card";
import { PartFailure } from "./part-failure";
import { RelativeTime } from "./relative-time";
import { Section } from "./section";
import { Cell, Table } from "./table";

function Group({ title, children }: { title: string; children: ReactNode }) {
  const titleId = useId();
  return (
    <div role="group" aria-labelledby={titleId} className="space-y-2">
      <h3 id={titleId} className="text-sm font-semibold text-ink-muted">
        {title}
      </h3>
      {children}
    </div>
  );
}

/** Who may roll back, and what the service runs now; absent for someone who may only look. */
export interface RollbackContext {
  cluster: string;
  service: string;
  /** "web:4": the revision the service runs now, which is never offered. */
  current?: string;
  /** "Rolling", "Canary 10 % with approval": the strategy the rollback deploys with. */
  strategy: string;
  /** Deployments in progress, which a rollback replaces. */
  ongoing: number;
}

type AskRollback = (revision: RevisionInfo) => void;

/** A revision worth a "Roll back to" button: named, not the one running, and offered once (at its newest deployment). */
function offerable(revision: RevisionInfo | undefined, context: RollbackContext | undefined, offered: Set<string>): revision is RevisionInfo {
  const label = revision?.taskDefinition?.label;
  if (!context || !label || label === context.current || offered.has(label)) return false;
  offered.add(label);
  return true;
}

function RollbackButton({ revision, onAsk }: { revision: RevisionInfo; onAsk: AskRollback }) {
  return (
    <Button onClick={() => onAsk(revision)}>
      Roll back to {revision.taskDefinition?.label}
    </Button>
  );
}

/** An earlier deployment's id, opening its rollout view (its charts are kept). */
function DeploymentLink({ deployment }: { deployment: DeploymentSummary }) {
  const href = pagePaths.deploymentOf(deployment.serviceDeploymentArn);
  if (!href) return <>{deployment.id}</>;
  return (
    <Link href={href} className="text-link underline underline-offset-2 hover:no-underline">
      {deployment.id}
    </Link>
  );
}

function PastDeployments({ past, now, offered, context, onAsk }: { past: readonly DeploymentSummary[]; now: number; offered: Set<string>; context?: RollbackContext; onAsk: AskRollback }) {
  const head = ["Status", "To", "Started", "Took", "Deployment ID", ...(context ? ["Roll back"] : [])];
  return (
    <Table caption="Earlier deployments, newest first" head={head}>
      {past.map((deployment) => {
        const rollbackTo = offerable(deployment.targetRevision, context, offered) ? deployment.targetRevision : undefined;
        const status = deploymentStatusText(deployment.status);
        const images = deployment.targetRevision?.images ?? [];
        return (
          <tr key={deployment.serviceDeploymentArn}>
            <Cell nowrap>
              <Badge tone={status.tone}>{status.label}</Badge>
            </Cell>
            <Cell>
              <span className="font-medium">{revisionLabel(deployment.targetRevision, deployment.targetRevisionArn)}</span>
              {images.map((image) => (
                <span key={image.containerName} className="block font-mono text-xs text-ink-muted">
                  {image.image}
                </span>
              ))}
            </Cell>
            <Cell nowrap>
              <RelativeTime iso={deployment.startedAt ?? deployment.createdAt} now={now} />
            </Cell>
            <Cell nowrap>{deployment.finishedAt ? deploymentDurationText(deployment, now) : "—"}</Cell>
            <Cell nowrap className="font-mono text-xs">
              <DeploymentLink deployment={deployment} />
            </Cell>
            {context && <Cell nowrap>{rollbackTo ? <RollbackButton revision={rollbackTo} onAsk={onAsk} /> : <span className="text-ink-muted">—</span>}</Cell>}
          </tr>
        );
      })}
    </Table>
  );
}

/** Says what a rollback does before doing it, and how it went when it fails; on success the section says so. */
function RollbackDialog({
  context,
  revision,
  onClose,
  onDone,
}: {
  context: RollbackContext;
  revision: RevisionInfo | undefined;
  onClose: () => void;
  onDone: (result: RollbackResult) => void;
}) {
  const rollback = useAction(rollbackService, [queryKeys.clusters.one(context.cluster), queryKeys.clusters.overview()]);
  const label = revision?.taskDefinition?.label ?? "";
  async function confirm() {
    const result = await rollback.run({ cluster: context.cluster, service: context.service, taskDefinition: revision?.taskDefinition?.arn ?? label });
    if (result.ok) onDone(result);
  }
  const close = () => {
    rollback.reset();
    onClose();
  };
  return (
    <Dialog
      open={revision !== undefined}
      onClose={close}
      title={`Roll back ${context.service} to ${label}?`}
      description={
        <p>
          ECS starts a new deployment of {context.service} to {label}
          {context.current ? `, replacing the tasks of ${context.current},` : ""} with the service&rsquo;s current strategy ({context.strategy}). The
          deployment settings stay as they are.
        </p>
      }
    >
      <div className="space-y-4">
        {revision && revision.images.length > 0 && (
          <ul className="space-y-1 text-sm">
            {revision.images.map((image) => (
              <li key={image.containerName} className="[overflow-wrap:anywhere]">
                <span className="text-ink-muted">{image.containerName}:</span> <span className="font-mono text-xs">{image.image}</span>
              </li>
            ))}
          </ul>
        )}
        {context.ongoing > 0 && (
          <Notice tone="warn" title="A deployment is in progress">
            <p>The rollback takes its place, and the one in progress does not finish.</p>
          </Notice>
        )}
        <ActionResultNotice result={rollback.result?.ok ? undefined : rollback.result} failureTitle="Nothing was rolled back" />
        <div className="flex flex-wrap justify-end gap-2">
          <Button onClick={close} autoFocus>
            Cancel
          </Button>
          <Button variant="primary" busy={rollback.pending} onClick={confirm}>
            {rollback.pending ? "Starting…" : `Roll back to ${label}`}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}

type RollbackResult = Extract<Awaited<ReturnType<typeof rollbackService>>, { ok: true }>;

function RollbackOutcome({ context, result, onDismiss }: { context: RollbackContext; result: RollbackResult; onDismiss: () => void }) {
  const id = result.value.deploymentId;
  return (
    <div className="flex items-start gap-2">
      <div className="min-w-0 flex-1">
        <Notice tone="ok" title={result.message} live>
          {id && (
            <Link href={pagePaths.deployment(context.cluster, context.service, id)} className="font-medium text-link underline-offset-2 hover:underline">
              Watch the rollout ({id})
            </Link>
          )}
        </Notice>
      </div>
      <Button onClick={onDismiss}>Dismiss</Button>
    </div>
  );
}

/** As the ECS console groups them: what is deploying now, the last deployment, and the history before it. */
export function DeploymentsSection({ deployments, now, rollback }: { deployments: Part<ServiceDeploymentsView>; now: number; rollback?: RollbackContext }) {
  const [asked, setAsked] = useState<RevisionInfo>();
  const [outcome, setOutcome] = useState<RollbackResult>();
  if (!deployments.ok) {
    return (
      <Section title="Deployments">
        <PartFailure what="The deployments" error={deployments.error} />
      </Section>
    );
  }
  const { ongoing, last, past, revisionsError, withoutServiceDeployments } = deployments.value;
  const none = ongoing.length === 0 && !last && past.length === 0;
  // Offered newest first: the last deployment's revision, then each earlier one's, once each.
  const offered = new Set<string>();
  const lastRollback = last && offerable(last.targetRevision, rollback, offered) ? last.targetRevision : undefined;
  return (
    <Section title="Deployments" aside={ongoing.length > 0 ? `${ongoing.length} in progress` : undefined}>
      {withoutServiceDeployments && (
        <Notice tone="info" title="Deployments as the service lists them">
          <p>{withoutServiceDeployments}</p>
        </Notice>
      )}
      {revisionsError && (
        <Notice tone="warn" title="The deployments' task definitions and images could not be read">
          <FailureDetails failure={revisionsError} />
        </Notice>
      )}
      {rollback && outcome && <RollbackOutcome context={rollback} result={outcome} onDismiss={() => setOutcome(undefined)} />}
      {none && <p className="text-sm text-ink-muted">ECS reports no deployments of this service.</p>}
      {ongoing.length > 0 && (
        <Group title="In progress">
          {ongoing.map((deployment) => (
            <DeploymentCard key={deployment.serviceDeploymentArn} deployment={deployment} now={now} />
          ))}
        </Group>
      )}
      {last && (
        <Group title="Last deployment">
          <DeploymentCard deployment={last} now={now} action={lastRollback && <RollbackButton revision={lastRollback} onAsk={setAsked} />} />
        </Group>
      )}
      {past.length > 0 && (
        <Group title="Earlier deployments">
          <PastDeployments past={past} now={now} offered={offered} context={rollback} onAsk={setAsked} />
        </Group>
      )}
      {rollback && (
        <RollbackDialog
          context={rollback}
          revision={asked}
          onClose={() => setAsked(undefined)}
          onDone={(result) => {
            setAsked(undefined);
            setOutcome(result);
          }}
        />
      )}
    </Section>
  );
}
