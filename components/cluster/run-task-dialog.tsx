"use client";

import { Dialog } from "@/components/ui/dialog";
import type { ActionResult } from "@/lib/action-result";
import type { RunTaskInput } from "@/lib/schemas/operations";
import type { ClusterHeader, ServiceRow } from "@/lib/view-models/clusters";
import type { Part } from "@/lib/view-models/common";
import { RunTaskFormBody } from "./run-task-form";

interface RunTaskAction {
  run: (input: RunTaskInput) => Promise<ActionResult<unknown>>;
  pending: boolean;
  result: ActionResult<unknown> | undefined;
}

/**
 * "Run task": start tasks from a task definition outside any service. It closes once ECS has
 * started them, and the page says which; a refusal stays in the dialog, beside the form.
 */
export function RunTaskDialog({
  open,
  onClose,
  cluster,
  header,
  services,
  action,
}: {
  open: boolean;
  onClose: () => void;
  cluster: string;
  header: Part<ClusterHeader> | undefined;
  services: readonly ServiceRow[];
  action: RunTaskAction;
}) {
  async function run(input: RunTaskInput): Promise<ActionResult<unknown>> {
    const result = await action.run(input);
    if (result.ok) onClose();
    return result;
  }

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Run task"
      description={<>Starts tasks in cluster {cluster} from a task definition, outside any service. They run until they exit or are stopped.</>}
    >
      <RunTaskFormBody
        cluster={cluster}
        header={header?.ok ? header.value : undefined}
        services={services}
        run={run}
        pending={action.pending}
        result={action.result}
        onCancel={onClose}
      />
    </Dialog>
  );
}
