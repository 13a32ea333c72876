"use client";

import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/action-result";
import { pagePaths } from "@/lib/query-keys";
import { DeleteServiceDialog, type DeleteServiceTarget } from "./delete-service-dialog";
import { ForceDeploymentDialog, type RedeployTarget } from "./force-deployment-dialog";
import { ScaleDialog, type ScaleTarget } from "./scale-dialog";

/**
 * What a person can do to the service from its page (shown only to those who may operate):
 * deploy opens the wizard; the others open a dialog, and a success is reported on the page.
 */
export function ServiceOperations({
  scale,
  redeploy,
  remove,
  onDone,
}: {
  scale: ScaleTarget;
  redeploy: RedeployTarget;
  remove: DeleteServiceTarget;
  onDone: (result: ActionResult<unknown>) => void;
}) {
  const [open, setOpen] = useState<"scale" | "redeploy" | "delete">();
  const close = () => setOpen(undefined);
  const done = (result: ActionResult<unknown>) => {
    close();
    onDone(result);
  };
  return (
    <div className="flex flex-wrap gap-2">
      <Link
        href={pagePaths.deployService(scale.cluster, scale.service)}
        className="inline-flex min-h-9 items-center justify-center rounded-md border border-transparent bg-brand px-3 py-1.5 text-sm font-medium text-brand-ink shadow-sm hover:bg-brand/90"
      >
        Deploy
      </Link>
      <Button onClick={() => setOpen("scale")}>Scale</Button>
      <Button onClick={() => setOpen("redeploy")}>Force new deployment</Button>
      <Button variant="danger" onClick={() => setOpen("delete")}>
        Delete service
      </Button>
      <ScaleDialog open={open === "scale"} target={scale} onClose={close} onDone={done} />
      <ForceDeploymentDialog open={open === "redeploy"} target={redeploy} onClose={close} onDone={done} />
      <DeleteServiceDialog open={open === "delete"} target={remove} onClose={close} onDone={done} />
    </div>
  );
}
