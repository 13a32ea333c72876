"use client";

import { useState, type FormEvent } from "react";
import { ActionResultNotice } from "@/components/actions/action-result-notice";
import { useAction } from "@/components/actions/use-action";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { fieldErrorsOf, type ActionResult } from "@/lib/action-result";
import { queryKeys } from "@/lib/query-keys";
import { MAX_DESIRED_COUNT } from "@/lib/schemas/limits";
import { loadOperationSchemas } from "@/components/actions/load-schemas";
import { scaleService } from "@/server/actions/scale-service";

export interface ScaleTarget {
  cluster: string;
  service: string;
  desired: number;
  running: number;
}

/** Mounted each time the dialog opens, so the field starts from the count the service wants now. */
function ScaleForm({ target, onClose, onDone }: { target: ScaleTarget; onClose: () => void; onDone: (result: ActionResult<unknown>) => void }) {
  const { cluster, service } = target;
  const [value, setValue] = useState(String(target.desired));
  const [fieldError, setFieldError] = useState<string>();
  const scale = useAction(scaleService, [queryKeys.clusters.one(cluster), queryKeys.clusters.overview()]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = { cluster, service, desiredCount: value };
    const { scaleServiceInput } = await loadOperationSchemas();
    const checked = scaleServiceInput.safeParse(input);
    if (!checked.success) {
      setFieldError(fieldErrorsOf(checked.error.issues).desiredCount ?? checked.error.issues[0]?.message);
      return;
    }
    setFieldError(undefined);
    const result = await scale.run(input);
    if (result.ok) onDone(result);
    else setFieldError(result.fieldErrors?.desiredCount);
  }

  return (
    <form noValidate onSubmit={submit} className="space-y-4">
      <TextField
        label="Desired tasks"
        name="desiredCount"
        type="number"
        inputMode="numeric"
        min={0}
        max={MAX_DESIRED_COUNT}
        step={1}
        autoFocus
        value={value}
        onChange={(event) => setValue(event.target.value)}
        hint={`From 0 to ${MAX_DESIRED_COUNT.toLocaleString("en-US")}. Now ${target.desired.toLocaleString("en-US")} desired, ${target.running.toLocaleString("en-US")} running.`}
        error={fieldError}
      />
      {scale.result && !scale.result.ok && !scale.result.fieldErrors && <ActionResultNotice result={scale.result} failureTitle={`${service} was not scaled`} />}
      <div className="flex flex-wrap justify-end gap-2">
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="primary" busy={scale.pending}>
          {scale.pending ? "Scaling…" : "Scale"}
        </Button>
      </div>
    </form>
  );
}

/** Sets how many tasks the service wants; ECS starts or stops tasks to match. */
export function ScaleDialog({
  open,
  target,
  onClose,
  onDone,
}: {
  open: boolean;
  target: ScaleTarget;
  onClose: () => void;
  onDone: (result: ActionResult<unknown>) => void;
}) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={`Scale ${target.service}`}
      description="ECS starts or stops tasks until this many run, keeping to the service’s deployment configuration."
    >
      <ScaleForm target={target} onClose={onClose} onDone={onDone} />
    </Dialog>
  );
}
