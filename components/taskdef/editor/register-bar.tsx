"use client";

import { ActionResultNotice } from "@/components/actions/action-result-notice";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/action-result";
import { MAX_CHANGE_NOTE_LENGTH } from "@/lib/taskdef/registration";
import { CHANGE_NOTE_ID } from "./field-paths";

/** What changed, in a sentence kept with the revision, and the button that registers it. */
export function RegisterBar({
  changeNote,
  onChangeNote,
  error,
  pending,
  result,
  sameAs,
  onRegister,
}: {
  changeNote: string;
  onChangeNote: (note: string) => void;
  error: string | undefined;
  pending: boolean;
  /** AWS's refusal, shown here; field errors go to the summary and the fields. */
  result: ActionResult<unknown> | undefined;
  /** Set once Register was pressed on a draft with the settings of this revision ("web:5"): the next press registers it anyway. */
  sameAs?: string;
  onRegister: () => void;
}) {
  const describedBy = [`${CHANGE_NOTE_ID}-count`, error && `${CHANGE_NOTE_ID}-error`].filter(Boolean).join(" ");
  return (
    <section aria-label="Register" className="space-y-3 rounded-lg border border-line bg-surface p-4 shadow-sm">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="min-w-0 flex-1 space-y-1">
          <label htmlFor={CHANGE_NOTE_ID} className="block text-sm font-medium">
            Change note
          </label>
          <input
            id={CHANGE_NOTE_ID}
            type="text"
            maxLength={MAX_CHANGE_NOTE_LENGTH}
            placeholder="What changed and why, e.g. Orders 1.4.3: fixes the checkout timeout"
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            className="w-full rounded-md border border-line bg-surface px-3 py-2 text-sm shadow-inner aria-invalid:border-danger"
            value={changeNote}
            onChange={(event) => onChangeNote(event.target.value)}
          />
          <p id={`${CHANGE_NOTE_ID}-count`} className="text-xs text-ink-muted">
            Kept with the revision as a tag. {changeNote.length}/{MAX_CHANGE_NOTE_LENGTH} characters.
          </p>
          {error && (
            <p id={`${CHANGE_NOTE_ID}-error`} className="text-sm font-medium text-danger">
              {error}
            </p>
          )}
        </div>
        <Button variant="primary" busy={pending} onClick={onRegister} className="sm:mb-5">
          {pending ? "Registering…" : sameAs ? "Register anyway" : "Register revision"}
        </Button>
      </div>
      {sameAs && (
        <Notice tone="warn" live title={`Nothing changed from ${sameAs}`}>
          <p>This draft has the same settings as {sameAs}. Registering it adds a revision that runs exactly what {sameAs} runs; change something first, or register anyway.</p>
        </Notice>
      )}
      {result && !result.ok && !result.fieldErrors && <ActionResultNotice result={result} failureTitle="ECS did not register this revision" />}
    </section>
  );
}
