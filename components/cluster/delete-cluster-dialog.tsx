"use client";

import { useRouter } from "next/navigation";
import { carryOutcome } from "@/components/actions/carried-outcome";
import { DeleteDialog } from "@/components/actions/delete-dialog";
import { useAction } from "@/components/actions/use-action";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { formatCount } from "@/lib/format";
import { pagePaths, queryKeys } from "@/lib/query-keys";
import { deleteCluster } from "@/server/actions/delete-cluster";

export interface DeleteClusterTarget {
  cluster: string;
  services: number;
  /** Running and pending. */
  tasks: number;
}

/**
 * ECS deletes only an empty cluster: one with services or tasks is told what is left, and
 * offered nothing to confirm. An empty one is confirmed by name; then the person is taken to
 * the clusters, where the answer is shown.
 */
export function DeleteClusterDialog({ open, target, onClose }: { open: boolean; target: DeleteClusterTarget; onClose: () => void }) {
  const router = useRouter();
  const remove = useAction(deleteCluster, [queryKeys.clusters.overview()]);
  const { cluster } = target;
  const left = [target.services > 0 ? formatCount(target.services, "service") : undefined, target.tasks > 0 ? formatCount(target.tasks, "task") : undefined].filter(Boolean);
  if (left.length > 0) {
    return (
      <Dialog
        open={open}
        onClose={onClose}
        title={`${cluster} cannot be deleted yet`}
        description={<p>ECS deletes only an empty cluster, and {cluster} still has {left.join(" and ")}. Delete its services and stop its tasks first.</p>}
      >
        <div className="flex justify-end">
          <Button onClick={onClose} autoFocus>
            Close
          </Button>
        </div>
      </Dialog>
    );
  }
  return (
    <DeleteDialog
      open={open}
      onClose={onClose}
      title={`Delete cluster ${cluster}?`}
      description={<p>ECS removes the empty cluster {cluster}, with its settings and capacity provider strategy. This cannot be undone.</p>}
      name={cluster}
      confirmLabel="Delete cluster"
      onConfirm={() => remove.run({ cluster })}
      onDone={(result) => {
        carryOutcome(result);
        router.push(pagePaths.clusters());
      }}
    />
  );
}
