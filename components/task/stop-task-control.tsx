"use client";

import { useState, type FormEvent } from "react";
import { ActionResultNotice } from "@/components/actions/action-result-notice";
import { useAction } from "@/components/actions/use-action";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { fieldErrorsOf } from "@/lib/action-result";
import { queryKeys } from "@/lib/query-keys";
import { loadOperationSchemas } from "@/components/actions/load-schemas";
import { DEFAULT_STOP_REASON, shortTaskId } from "@/lib/task-stop";
import type { TaskDetail } from "@/lib/view-models/task-detail";
import { stopTask } from "@/server/actions/stop-task";

function WhatHappens({ task }: { task: TaskDetail }) {
  return (
    <>
      <p>ECS stops its containers, giving each its stop timeout to exit, and the task cannot be started again.</p>
      <p className="mt-2">
        {task.service ? (
          <>
            It belongs to the service <strong className="font-semibold text-ink">{task.service}</strong>, which will start a replacement to keep its
            desired count.
          </>
        ) : (
          "It is a standalone task: nothing will replace it."
        )}
      </p>
    </>
  );
}

/**
 * "Stop task", confirmed in a dialog that says what will happen, with an optional reason ECS
 * records. A task already on its way down has nothing to stop, and the page says so instead.
 */
export function StopTaskControl({ cluster, task }: { cluster: string; task: TaskDetail }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { run, pending, result, reset } = useAction(stopTask, [queryKeys.clusters.one(cluster), queryKeys.clusters.overview()]);
  const stopping = task.desiredStatus === "STOPPED";

  function openDialog() {
    reset();
    setErrors({});
    setOpen(true);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = { cluster, task: task.arn || task.id, reason: reason.trim() || undefined };
    const { stopTaskInput } = await loadOperationSchemas();
    const parsed = stopTaskInput.safeParse(input);
    if (!parsed.success) return setErrors(fieldErrorsOf(parsed.error.issues));
    const answer = await run(input);
    if (!answer.ok && answer.fieldErrors?.reason) return setErrors(answer.fieldErrors);
    setOpen(false);
    setReason("");
  }

  const otherErrors = Object.entries(errors).filter(([field]) => field !== "reason");
  return (
    <div className="flex flex-col items-start gap-3 sm:items-end">
      {stopping ? (
        <p className="text-sm text-ink-muted sm:text-right">
          {task.lastStatus === "STOPPED" ? "This task has stopped; there is nothing to stop." : "ECS is stopping this task; there is nothing more to do."}
        </p>
      ) : (
        <Button variant="danger" onClick={openDialog}>
          Stop task
        </Button>
      )}
      <Dialog open={open} onClose={() => setOpen(false)} title={`Stop task ${shortTaskId(task.id)}?`} description={<WhatHappens task={task} />}>
        <form onSubmit={submit} noValidate className="space-y-4">
          <TextField
            label="Reason (optional)"
            hint={`ECS keeps it with the task as its stopped reason. Without one: “${DEFAULT_STOP_REASON}”.`}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            error={errors.reason}
            autoComplete="off"
          />
          {otherErrors.length > 0 && (
            <Notice tone="danger" title="This task cannot be stopped from here" live>
              {otherErrors.map(([field, message]) => (
                <p key={field}>{message}</p>
              ))}
            </Notice>
          )}
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button onClick={() => setOpen(false)}>Cancel</Button>
            <Button type="submit" variant="danger" busy={pending}>
              Stop task
            </Button>
          </div>
        </form>
      </Dialog>
      <ActionResultNotice result={result} failureTitle={`Task ${shortTaskId(task.id)} was not stopped`} />
    </div>
  );
}
