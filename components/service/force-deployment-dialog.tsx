"use client";

import { ActionResultNotice } from "@/components/actions/action-result-notice";
import { useAction } from "@/components/actions/use-action";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/action-result";
import { formatCount } from "@/lib/format";
import { queryKeys } from "@/lib/query-keys";
import { forceNewDeployment } from "@/server/actions/force-new-deployment";

export interface RedeployTarget {
  cluster: string;
  service: string;
  /** "web:4", the revision the new tasks run. */
  taskDefinition?: string;
  desired: number;
  /** "Rolling", "Canary 10 % with approval". */
  strategy: string;
  /** Deployments still in progress, which the new one replaces. */
  ongoing: number;
}

/** Mounted each time the dialog opens, so an earlier failure is not shown again. */
function RedeployForm({ target, onClose, onDone }: { target: RedeployTarget; onClose: () => void; onDone: (result: ActionResult<unknown>) => void }) {
  const { cluster, service } = target;
  const redeploy = useAction(forceNewDeployment, [queryKeys.clusters.one(cluster), queryKeys.clusters.overview()]);

  async function confirm() {
    const result = await redeploy.run({ cluster, service });
    if (result.ok) onDone(result);
  }

  return (
    <div className="space-y-4">
      {target.ongoing > 0 && (
        <Notice tone="warn" title="A deployment is in progress">
          <p>The new deployment takes its place, and the one in progress does not finish.</p>
        </Notice>
      )}
      <ActionResultNotice result={redeploy.result?.ok ? undefined : redeploy.result} failureTitle="No deployment was started" />
      <div className="flex flex-wrap justify-end gap-2">
        <Button onClick={onClose} autoFocus>
          Cancel
        </Button>
        <Button variant="primary" busy={redeploy.pending} onClick={confirm}>
          {redeploy.pending ? "Starting…" : "Start new deployment"}
        </Button>
      </div>
    </div>
  );
}

/** Confirms, saying what will happen, before redeploying the service's current revision. */
export function ForceDeploymentDialog({
  open,
  target,
  onClose,
  onDone,
}: {
  open: boolean;
  target: RedeployTarget;
  onClose: () => void;
  onDone: (result: ActionResult<unknown>) => void;
}) {
  const revision = target.taskDefinition ?? "its current revision";
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={`Force a new deployment of ${target.service}?`}
      description={
        <p>
          ECS replaces every task of {target.service} ({formatCount(target.desired, "task")} wanted) with a new one of the same revision, {revision}, pulling its
          images again, following the service&rsquo;s deployment strategy ({target.strategy}).
        </p>
      }
    >
      <RedeployForm target={target} onClose={onClose} onDone={onDone} />
    </Dialog>
  );
}
