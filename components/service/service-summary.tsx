import { TaskDefinitionLink } from "@/components/taskdef/task-definition-link";
import type { ReactNode } from "react";
import { StatList } from "@/components/ui/stat-list";
import { revisionLabel } from "@/lib/deployment-text";
import { parseArn } from "@/lib/arn";
import { formatCount, formatDuration } from "@/lib/format";
import type { CurrentRevisionView, ServiceSummary as Summary } from "@/lib/view-models/service-detail";
import { RelativeTime } from "./relative-time";
import { Section } from "./section";

const count = (n: number) => n.toLocaleString("en-US");

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-ink-muted">{term}</dt>
      <dd className="mt-0.5 text-sm [overflow-wrap:anywhere]">{children}</dd>
    </div>
  );
}

/** "root", "role/deployer": who created the service, without the ARN's account noise. */
function principal(arn: string): string {
  return parseArn(arn)?.resource ?? arn;
}

function CurrentRevisions({ revisions }: { revisions: readonly CurrentRevisionView[] }) {
  if (revisions.length === 0) return <>None reported</>;
  return (
    <ul className="space-y-0.5">
      {revisions.map((current) => (
        <li key={current.serviceRevisionArn}>
          <span className="font-medium">{revisionLabel(current.revision, current.serviceRevisionArn)}</span>
          <span className="text-ink-muted">
            {" "}
            · {count(current.running)} of {formatCount(current.requested, "task")} running
            {current.pending > 0 && ` · ${count(current.pending)} pending`}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The service at a glance: its task counts, then where and how it runs. */
export function ServiceSummary({ summary, revisions, now }: { summary: Summary; revisions: readonly CurrentRevisionView[]; now: number }) {
  const network = summary.network;
  return (
    <Section title="Summary" className="lg:col-span-2">
      <StatList
        stats={[
          { label: "Desired", value: count(summary.desired) },
          { label: "Running", value: count(summary.running) },
          { label: "Pending", value: count(summary.pending) },
        ]}
      />
      <dl className="grid grid-cols-1 gap-x-6 gap-y-3 sm:grid-cols-2">
        <Fact term="Task definition">
          <TaskDefinitionLink reference={summary.taskDefinition} />
        </Fact>
        <Fact term={revisions.length > 1 ? "Revisions running" : "Revision running"}>
          <CurrentRevisions revisions={revisions} />
        </Fact>
        <Fact term={summary.launchType && summary.capacity === summary.launchType ? "Launch type" : "Capacity"}>{summary.capacity}</Fact>
        <Fact term="Platform version">{summary.platformVersion ?? "—"}</Fact>
        <Fact term="Created">
          <RelativeTime iso={summary.createdAt} now={now} />
          {summary.createdBy && <span className="text-ink-muted"> by {principal(summary.createdBy)}</span>}
        </Fact>
        <Fact term="Health check grace period">
          {summary.healthCheckGracePeriodSeconds ? formatDuration(summary.healthCheckGracePeriodSeconds * 1000) : "None"}
        </Fact>
        {network && (
          <>
            <Fact term={network.subnets.length === 1 ? "Subnet" : "Subnets"}>{network.subnets.join(", ") || "—"}</Fact>
            <Fact term={network.securityGroups.length === 1 ? "Security group" : "Security groups"}>{network.securityGroups.join(", ") || "Default"}</Fact>
            <Fact term="Public IP">{network.assignPublicIp === "ENABLED" ? "Assigned" : "Not assigned"}</Fact>
          </>
        )}
      </dl>
    </Section>
  );
}
