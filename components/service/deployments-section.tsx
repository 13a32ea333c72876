import { useId, type ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Notice } from "@/components/ui/notice";
import { FailureDetails } from "@/components/ui/failure-details";
import { deploymentDurationText, deploymentStatusText, revisionLabel } from "@/lib/deployment-text";
import type { Part } from "@/lib/view-models/common";
import type { DeploymentSummary } from "@/lib/view-models/deployments";
import type { ServiceDeploymentsView } from "@/lib/view-models/service-detail";
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

function PastDeployments({ past, now }: { past: readonly DeploymentSummary[]; now: number }) {
  return (
    <Table caption="Earlier deployments, newest first" head={["Status", "To", "Started", "Took", "Deployment ID"]}>
      {past.map((deployment) => {
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
              {deployment.id}
            </Cell>
          </tr>
        );
      })}
    </Table>
  );
}

/** As the ECS console groups them: what is deploying now, the last deployment, and the history before it. */
export function DeploymentsSection({ deployments, now }: { deployments: Part<ServiceDeploymentsView>; now: number }) {
  if (!deployments.ok) {
    return (
      <Section title="Deployments">
        <PartFailure what="The deployments" error={deployments.error} />
      </Section>
    );
  }
  const { ongoing, last, past, revisionsError } = deployments.value;
  const none = ongoing.length === 0 && !last && past.length === 0;
  return (
    <Section title="Deployments" aside={ongoing.length > 0 ? `${ongoing.length} in progress` : undefined}>
      {revisionsError && (
        <Notice tone="warn" title="The deployments' task definitions and images could not be read">
          <FailureDetails failure={revisionsError} />
        </Notice>
      )}
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
          <DeploymentCard deployment={last} now={now} />
        </Group>
      )}
      {past.length > 0 && (
        <Group title="Earlier deployments">
          <PastDeployments past={past} now={now} />
        </Group>
      )}
    </Section>
  );
}
