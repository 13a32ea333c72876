"use client";

import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

/**
 * A decision on a running deployment, never taken by one click: the button opens a dialog
 * that says exactly what ECS will do, and only its confirm button acts. The dialog closes
 * when the answer comes; the caller shows it beside the controls.
 */
export function DecisionButton({
  label,
  variant,
  title,
  consequence,
  confirmLabel,
  pending,
  onConfirm,
}: {
  label: string;
  variant: "primary" | "danger" | "secondary";
  title: string;
  consequence: ReactNode;
  confirmLabel: string;
  pending: boolean;
  onConfirm: () => Promise<unknown>;
}) {
  const [open, setOpen] = useState(false);

  async function confirm() {
    await onConfirm();
    setOpen(false);
  }

  return (
    <>
      <Button variant={variant} busy={pending} onClick={() => setOpen(true)} className="min-h-11 px-4 text-base sm:min-h-9 sm:text-sm">
        {label}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={title} description={consequence}>
        <div className="flex flex-wrap justify-end gap-2">
          <Button onClick={() => setOpen(false)} autoFocus>
            Cancel
          </Button>
          <Button variant={variant === "secondary" ? "primary" : variant} busy={pending} onClick={confirm}>
            {pending ? "Sending…" : confirmLabel}
          </Button>
        </div>
      </Dialog>
    </>
  );
}
