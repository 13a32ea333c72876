import { Badge } from "@/components/ui/badge";
import { FailureDetails } from "@/components/ui/failure-details";
import { Notice } from "@/components/ui/notice";
import { formatPort, formatTaskSize, roleName } from "@/lib/task-display";
import { formatTimestamp } from "@/lib/task-timeline";
import type { Part, TaskDefinitionRef } from "@/lib/view-models/common";
import type { TaskDefinitionSummary } from "@/lib/view-models/task-detail";
import { DetailList, Panel } from "./panel";

function Role({ arn }: { arn: string | undefined }) {
  if (!arn) return <span className="text-ink-muted">None</span>;
  return (
    <span title={arn} className="font-mono text-xs">
      {roleName(arn)}
    </span>
  );
}

function DefinitionContainers({ containers }: { containers: TaskDefinitionSummary["containers"] }) {
  return (
    <ul className="space-y-2">
      {containers.map((container) => (
        <li key={container.name} className="rounded-md border border-line bg-surface-sunken px-3 py-2">
          <div className="flex flex-wrap items-baseline gap-x-2">
            <span className="font-medium">{container.name}</span>
            {!container.essential && <Badge>Not essential</Badge>}
          </div>
          <p className="font-mono text-xs [overflow-wrap:anywhere]">{container.image ?? "No image"}</p>
          {(container.portMappings.length > 0 || container.healthCheck) && (
            <p className="mt-1 text-xs text-ink-muted">
              {container.portMappings.map((mapping) => formatPort({ containerPort: mapping.containerPort, protocol: mapping.protocol })).join(", ")}
              {container.portMappings.length > 0 && container.healthCheck && " · "}
              {container.healthCheck && "Container health check"}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The task definition revision the task runs; if it could not be read, why, with the task still shown above. */
export function TaskDefinitionPanel({ reference, definition }: { reference: TaskDefinitionRef | undefined; definition: Part<TaskDefinitionSummary> }) {
  if (!definition.ok) {
    return (
      <Panel title={`Task definition ${reference?.label ?? ""}`.trim()}>
        <Notice tone="danger" title="The task definition could not be read">
          <FailureDetails failure={definition.error} />
        </Notice>
      </Panel>
    );
  }
  const summary = definition.value;
  return (
    <Panel title={`Task definition ${summary.ref.label}`} aside={summary.status && <Badge tone={summary.status === "ACTIVE" ? "ok" : "neutral"}>{summary.status}</Badge>}>
      <div className="grid gap-5 lg:grid-cols-2">
        <DetailList
          details={[
            { term: "Revision", value: summary.ref.label },
            { term: "CPU and memory", value: formatTaskSize(summary.cpu, summary.memory) },
            { term: "Network mode", value: summary.networkMode },
            { term: "Compatibilities", value: summary.requiresCompatibilities.length ? summary.requiresCompatibilities.join(", ") : undefined },
            { term: "Task role", value: <Role arn={summary.taskRoleArn} /> },
            { term: "Execution role", value: <Role arn={summary.executionRoleArn} /> },
            { term: "Registered", value: summary.registeredAt && <time dateTime={summary.registeredAt}>{formatTimestamp(summary.registeredAt)}</time> },
          ]}
        />
        <div>
          <h3 className="mb-2 text-sm font-semibold">Its containers</h3>
          <DefinitionContainers containers={summary.containers} />
        </div>
      </div>
    </Panel>
  );
}
