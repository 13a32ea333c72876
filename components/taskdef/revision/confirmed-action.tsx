"use client";

import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { useAction } from "@/components/actions/use-action";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { ActionResult } from "@/lib/action-result";
import { queryKeys } from "@/lib/query-keys";

export interface ConfirmedActionProps {
  /** The button's words, and the confirming button's. */
  label: string;
  /** The dialog's question: "Deregister web:5?" */
  question: string;
  /** What will happen, said before it happens. */
  consequences: ReactNode;
  run: () => Promise<ActionResult<unknown>>;
  /** The answer, for the page to show beside its actions. */
  onAnswer: (result: ActionResult<unknown> | undefined) => void;
}

/**
 * A destructive action on a revision behind a dialog that says what it does. On success the
 * page is read again on the server (router.refresh), so it shows the new status at once.
 */
export function ConfirmedAction({ label, question, consequences, run, onAnswer }: ConfirmedActionProps) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const action = useAction(run, [queryKeys.taskDefinitions.all()]);

  function openDialog() {
    onAnswer(undefined);
    setOpen(true);
  }

  async function confirm() {
    const answer = await action.run(undefined);
    setOpen(false);
    onAnswer(answer);
    if (answer.ok) router.refresh();
  }

  return (
    <>
      <Button variant="danger" onClick={openDialog}>
        {label}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={question} description={consequences}>
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button onClick={() => setOpen(false)}>Cancel</Button>
          <Button variant="danger" busy={action.pending} onClick={confirm}>
            {label}
          </Button>
        </div>
      </Dialog>
    </>
  );
}
