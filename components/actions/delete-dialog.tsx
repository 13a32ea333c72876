"use client";

import { useState, type ReactNode } from "react";
import { ActionResultNotice } from "@/components/actions/action-result-notice";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import type { ActionResult } from "@/lib/action-result";

export interface DeleteDialogProps {
  open: boolean;
  onClose: () => void;
  /** "Delete service web?" */
  title: string;
  /** What is lost, and what stays. */
  description: ReactNode;
  /** What the person types to confirm: the resource's name. */
  name: string;
  /** "Delete service". */
  confirmLabel: string;
  /** Runs the deletion; a failure stays in the dialog, a success goes to `onDone`. */
  onConfirm: () => Promise<ActionResult<unknown>>;
  onDone: (result: ActionResult<unknown>) => void;
}

/** Mounted each time the dialog opens, so an earlier answer or typed name is not kept. */
function DeleteForm({ name, confirmLabel, onClose, onConfirm, onDone }: Omit<DeleteDialogProps, "open" | "title" | "description">) {
  const [typed, setTyped] = useState("");
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<ActionResult<unknown>>();
  const matches = typed.trim() === name;

  async function confirm() {
    setPending(true);
    const result = await onConfirm();
    setPending(false);
    if (result.ok) onDone(result);
    else setFailure(result);
  }

  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        if (matches && !pending) void confirm();
      }}
    >
      <TextField
        label={`Type ${name} to confirm`}
        autoComplete="off"
        spellCheck={false}
        value={typed}
        onChange={(event) => setTyped(event.target.value)}
      />
      <ActionResultNotice result={failure} failureTitle="Nothing was deleted" />
      <div className="flex flex-wrap justify-end gap-2">
        <Button onClick={onClose} autoFocus>
          Cancel
        </Button>
        <Button type="submit" variant="danger" busy={pending} disabled={!matches}>
          {pending ? "Deleting…" : confirmLabel}
        </Button>
      </div>
    </form>
  );
}

/** Confirms a deletion that cannot be undone: it says what is lost, and asks for the name typed out. */
export function DeleteDialog({ open, onClose, title, description, ...form }: DeleteDialogProps) {
  return (
    <Dialog open={open} onClose={onClose} title={title} description={description}>
      <DeleteForm onClose={onClose} {...form} />
    </Dialog>
  );
}
