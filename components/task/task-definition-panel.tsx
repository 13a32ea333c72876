import { Badge } from "@/components/ui/badge";
import { FailureDetails } from "@/components/ui/failure-details";
import { Notice } from "@/components/ui/notice";
import type { Part, TaskDefinitionRef } from "@/lib/view-models/common";
import type { TaskDefinitionSummary } from "@/lib/view-models/task-detail";
import { Panel } from "./panel";
import { TaskDefinitionDetails } from "./task-definition-details";

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
      <TaskDefinitionDetails summary={summary} />
    </Panel>
  );
}
