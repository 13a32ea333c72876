"use client";

import { DeleteDialog } from "@/components/actions/delete-dialog";
import { useAction } from "@/components/actions/use-action";
import type { ActionResult } from "@/lib/action-result";
import { formatCount } from "@/lib/format";
import { queryKeys } from "@/lib/query-keys";
import { deleteService } from "@/server/actions/delete-service";

export interface DeleteServiceTarget {
  cluster: string;
  service: string;
  running: number;
  /** Its target groups' names: they stay. */
  targetGroups: readonly string[];
}

/** Confirms deleting a service, naming the tasks that stop and what stays behind. */
export function DeleteServiceDialog({
  open,
  target,
  onClose,
  onDone,
}: {
  open: boolean;
  target: DeleteServiceTarget;
  onClose: () => void;
  onDone: (result: ActionResult<unknown>) => void;
}) {
  const { cluster, service } = target;
  const remove = useAction(deleteService, [queryKeys.clusters.one(cluster), queryKeys.clusters.overview()]);
  const draining = target.targetGroups.length === 0 ? "" : target.running === 1 ? ", draining it from its load balancer first" : ", draining them from its load balancer first";
  const stays = ["its task definitions", target.targetGroups.length > 0 ? `its target groups (${target.targetGroups.join(", ")})` : undefined].filter(Boolean).join(" and ");
  return (
    <DeleteDialog
      open={open}
      onClose={onClose}
      title={`Delete service ${service}?`}
      description={
        <>
          <p>
            {target.running > 0 ? `ECS stops ${service}'s ${formatCount(target.running, "running task")}${draining}, and then removes ${service} from cluster ${cluster}.` : `ECS removes ${service} from cluster ${cluster}.`}{" "}
            This cannot be undone; {stays} stay.
          </p>
        </>
      }
      name={service}
      confirmLabel="Delete service"
      onConfirm={() => remove.run({ cluster, service })}
      onDone={onDone}
    />
  );
}
