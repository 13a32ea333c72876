"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/action-result";
import { ForceDeploymentDialog, type RedeployTarget } from "./force-deployment-dialog";
import { ScaleDialog, type ScaleTarget } from "./scale-dialog";

/** What a person can do to the service from its page; each opens a dialog, and a success is reported on the page. */
export function ServiceOperations({
  scale,
  redeploy,
  onDone,
}: {
  scale: ScaleTarget;
  redeploy: RedeployTarget;
  onDone: (result: ActionResult<unknown>) => void;
}) {
  const [open, setOpen] = useState<"scale" | "redeploy">();
  const close = () => setOpen(undefined);
  const done = (result: ActionResult<unknown>) => {
    close();
    onDone(result);
  };
  return (
    <div className="flex flex-wrap gap-2">
      <Button onClick={() => setOpen("scale")}>Scale</Button>
      <Button onClick={() => setOpen("redeploy")}>Force new deployment</Button>
      <ScaleDialog open={open === "scale"} target={scale} onClose={close} onDone={done} />
      <ForceDeploymentDialog open={open === "redeploy"} target={redeploy} onClose={close} onDone={done} />
    </div>
  );
}
