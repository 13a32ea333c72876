import { useId } from "react";
import { Badge } from "@/components/ui/badge";
import { targetStateText } from "@/lib/service-status-text";
import type { Part } from "@/lib/view-models/common";
import type { ForwardTarget, ServiceEntryPoint } from "@/lib/view-models/load-balancing";
import { targetCounts, type TargetGroupHealth, type TargetView } from "@/lib/view-models/target-health";
import { PartFailure } from "./part-failure";
import { Section } from "./section";
import { Cell, Table, TaskIdLink } from "./table";

function TargetRow({ cluster, target }: { cluster: string; target: TargetView }) {
  const state = targetStateText(target.state);
  return (
    <tr>
      <Cell nowrap>
        <Badge tone={state.tone}>{state.label}</Badge>
      </Cell>
      <Cell nowrap className="font-mono text-xs">
        {target.port === undefined ? target.id : `${target.id}:${target.port}`}
      </Cell>
      <Cell nowrap>
        {target.taskId ? <TaskIdLink cluster={cluster} taskId={target.taskId} /> : <span className="text-ink-muted">Not this service&rsquo;s</span>}
      </Cell>
      <Cell className="min-w-48">
        {target.description ?? (target.state === "healthy" ? "Passing health checks" : "—")}
        {target.reason && <span className="block font-mono text-xs text-ink-muted">{target.reason}</span>}
      </Cell>
    </tr>
  );
}

function TargetGroup({ cluster, group }: { cluster: string; group: TargetGroupHealth }) {
  const titleId = useId();
  const name = group.targetGroupName ?? group.targetGroupArn;
  const counts = group.targets.ok ? targetCounts(group.targets.value) : undefined;
  const balancers = group.loadBalancerNames.ok ? group.loadBalancerNames.value : [];
  const container = group.containerName && `${group.containerName}:${group.containerPort ?? "?"}`;
  return (
    <section aria-labelledby={titleId} className="space-y-2">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <h3 id={titleId} className="font-semibold [overflow-wrap:anywhere]">
          {name}
        </h3>
        <Badge tone={group.role === "primary" ? "info" : "neutral"}>{group.role === "primary" ? "Primary" : "Alternate"}</Badge>
        {counts && (
          <span className={`text-sm font-medium ${counts.healthy === counts.total ? "text-ok" : "text-warn"}`}>
            {counts.healthy} of {counts.total} healthy
          </span>
        )}
      </div>
      <p className="text-sm text-ink-muted">
        {balancers.length > 0 ? `Load balancer ${balancers.join(", ")}` : group.loadBalancerNames.ok ? "Not attached to a load balancer" : "Load balancer unknown"}
        {container && ` · container ${container}`}
        {group.role === "alternate" && " · where a blue/green, linear or canary deployment starts its new tasks"}
      </p>
      {!group.targets.ok ? (
        <PartFailure what={`The targets of ${name}`} error={group.targets.error} />
      ) : group.targets.value.length === 0 ? (
        <p className="text-sm text-ink-muted">No targets registered.</p>
      ) : (
        <Table caption={`Targets of ${name}`} head={["State", "Target", "Task", "Details"]}>
          {group.targets.value.map((target) => (
            <TargetRow key={`${target.id}:${target.port}`} cluster={cluster} target={target} />
          ))}
        </Table>
      )}
    </section>
  );
}

const ROLE_TEXT: Record<ServiceEntryPoint["role"], string> = { production: "Production", test: "Test", listener: "Rule" };

/** "demo-api-blue 90 % · demo-api-green 10 %": weights as shares of the rule's traffic. */
function weightsText(forwards: readonly ForwardTarget[]): string | undefined {
  if (forwards.length === 0) return undefined;
  const total = forwards.reduce((sum, target) => sum + (target.weight ?? 1), 0);
  return forwards
    .map((target) => (total > 0 ? `${target.targetGroupName} ${Math.round(((target.weight ?? 1) / total) * 100)} %` : target.targetGroupName))
    .join(" · ");
}

function EntryPoint({ entry }: { entry: ServiceEntryPoint }) {
  const weights = weightsText(entry.forwards);
  return (
    <li className="space-y-1 rounded-md border border-line px-3 py-2">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <Badge tone={entry.role === "production" ? "info" : "neutral"}>{ROLE_TEXT[entry.role]}</Badge>
        {entry.url ? (
          <a href={entry.url} target="_blank" rel="noreferrer" className="font-mono text-sm text-link underline-offset-2 hover:underline [overflow-wrap:anywhere]">
            {entry.url}
          </a>
        ) : (
          <span className="font-mono text-sm [overflow-wrap:anywhere]">{entry.dnsName ?? entry.loadBalancerName}</span>
        )}
      </div>
      <p className="text-sm text-ink-muted">
        {entry.listener} on {entry.loadBalancerName}
        {entry.conditions.length > 0 && ` · when ${entry.conditions.join(" and ")}`}
        {weights && ` · ${weights}`}
      </p>
    </li>
  );
}

/** The listener rules that reach the service, as links, so a person can open what the service serves. */
function WhereItAnswers({ entryPoints }: { entryPoints: Part<ServiceEntryPoint[]> }) {
  const titleId = useId();
  if (!entryPoints.ok) return <PartFailure what="Where the service answers" error={entryPoints.error} />;
  if (entryPoints.value.length === 0) return null;
  const ruled = entryPoints.value.some((entry) => entry.role !== "listener");
  return (
    <section aria-labelledby={titleId} className="space-y-2">
      <h3 id={titleId} className="font-semibold">
        Where it answers
      </h3>
      {!ruled && <p className="text-sm text-ink-muted">The listener rules that forward to its target groups.</p>}
      <ul className="space-y-2">
        {entryPoints.value.map((entry) => (
          <EntryPoint key={`${entry.role}:${entry.ruleArn}`} entry={entry} />
        ))}
      </ul>
    </section>
  );
}

/** Each target group the service registers in, alternates included, with the health ELBv2 reports per target. */
export function LoadBalancersSection({ cluster, groups, entryPoints }: { cluster: string; groups: readonly TargetGroupHealth[]; entryPoints: Part<ServiceEntryPoint[]> }) {
  return (
    <Section title="Load balancers">
      {groups.length === 0 ? (
        <p className="text-sm text-ink-muted">This service is not behind a load balancer.</p>
      ) : (
        <div className="space-y-6">
          <WhereItAnswers entryPoints={entryPoints} />
          {groups.map((group) => (
            <TargetGroup key={group.targetGroupArn} cluster={cluster} group={group} />
          ))}
        </div>
      )}
    </Section>
  );
}
