"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useAction } from "@/components/actions/use-action";
import { HiddenValuesNotice, RestoredDraftNotice } from "@/components/taskdef/editor/draft-notices";
import { DraftProvider, type DraftEditing } from "@/components/taskdef/editor/draft-context";
import { DraftForm } from "@/components/taskdef/editor/draft-form";
import { EditorTabs, type EditorView } from "@/components/taskdef/editor/editor-tabs";
import { ErrorSummary, type SummaryItem } from "@/components/taskdef/editor/error-summary";
import { JSON_EDITOR_ID } from "@/components/taskdef/editor/field-paths";
import { FileActions } from "@/components/taskdef/editor/file-actions";
import type { JsonEditorHandle } from "@/components/taskdef/editor/json-editor";
import { JsonPanel } from "@/components/taskdef/editor/json-panel";
import { RegisterBar } from "@/components/taskdef/editor/register-bar";
import { useDraft } from "@/components/taskdef/editor/use-draft";
import { useEditorErrors } from "@/components/taskdef/editor/use-editor-errors";
import { pagePaths, queryKeys } from "@/lib/query-keys";
import { asDraft, withItemAdded, withItemRemoved, withValueAt } from "@/lib/taskdef/draft";
import type { Registration } from "@/lib/taskdef/registration";
import { sameSettings } from "@/lib/taskdef/same-settings";
import { registerTaskDefinition } from "@/server/actions/register-task-definition";

export interface EditorStart {
  /** "web:5" when editing from a revision; undefined for a new family. */
  from?: string;
  /** The ARN of that revision: hidden values are restored from it. */
  basedOn?: string;
  registration: Registration;
  hidesValues: boolean;
}

/** The new revision's page, told which revision the draft started from so its banner compares with that one. */
function registeredPath(family: string, revision: number, from: string | undefined): string {
  const page = `${pagePaths.taskDefinitionRevision(family, revision)}?registered=1`;
  return from ? `${page}&from=${encodeURIComponent(from)}` : page;
}

/** The editor: one draft, edited through the form or as JSON, checked before it is sent, kept until registered. */
export function EditorClient({ start }: { start: EditorStart }) {
  const router = useRouter();
  const { state, restoredAt, editDraft, editText, setChangeNote, discard, forget } = useDraft({ from: start.from, basedOn: start.basedOn, initial: start.registration });
  const errors = useEditorErrors(state.draft, state.syntaxError);
  const { run, pending, result } = useAction(registerTaskDefinition, [queryKeys.taskDefinitions.all()]);
  const [view, setView] = useState<EditorView>("form");
  const summaryRef = useRef<HTMLDivElement>(null);
  const jsonEditor = useRef<JsonEditorHandle>(null);
  const [summaryFocus, setSummaryFocus] = useState(0);
  // A draft that registers what it started from only adds a revision: ask once before sending it.
  const unchanged = start.from !== undefined && sameSettings(state.draft, start.registration);
  const [unchangedAsked, setUnchangedAsked] = useState(false);

  useEffect(() => {
    if (summaryFocus > 0) summaryRef.current?.focus();
  }, [summaryFocus]);

  const editing: DraftEditing = useMemo(
    () => ({
      draft: state.draft,
      errors: errors.atFields,
      setValue: (path, value) => editDraft((draft) => withValueAt(draft, path, value)),
      addItem: (path, item) => editDraft((draft) => withItemAdded(draft, path, item)),
      removeItem: (path, index) => editDraft((draft) => withItemRemoved(draft, path, index)),
    }),
    [state.draft, errors.atFields, editDraft],
  );

  async function register() {
    if (!(await errors.checkBeforeSending())) return setSummaryFocus((count) => count + 1);
    if (unchanged && !unchangedAsked) return setUnchangedAsked(true);
    const answer = await run({ registration: state.draft, changeNote: state.changeNote, basedOn: start.basedOn });
    if (answer.ok) {
      forget();
      router.push(registeredPath(answer.value.family, answer.value.revision, start.from));
    } else if (answer.fieldErrors) {
      errors.showServerErrors(answer.fieldErrors);
      setSummaryFocus((count) => count + 1);
    }
  }

  const follow = useCallback((item: SummaryItem) => {
    const inJson = item.target === JSON_EDITOR_ID;
    setView(inJson ? "json" : "form");
    // The panel may only now be shown; focus once it is laid out.
    requestAnimationFrame(() => {
      if (inJson) return jsonEditor.current?.focus(item.key === "syntax" ? state.syntaxError?.offset : undefined);
      const field = document.getElementById(item.target);
      field?.scrollIntoView({ block: "center" });
      field?.focus();
    });
  }, [state.syntaxError]);

  const importRegistration = useCallback(
    (registration: Registration, changeNote: string | undefined) => {
      editDraft(() => asDraft(registration));
      if (changeNote) setChangeNote(changeNote);
    },
    [editDraft, setChangeNote],
  );

  return (
    <div className="space-y-6">
      {restoredAt && <RestoredDraftNotice savedAt={restoredAt} onDiscard={discard} />}
      {start.hidesValues && <HiddenValuesNotice />}
      <ErrorSummary ref={summaryRef} items={errors.summary} onFollow={follow} />
      <FileActions text={state.text} family={state.draft.family} onImported={importRegistration} />
      <EditorTabs
        view={view}
        onView={setView}
        form={
          <DraftProvider value={editing}>
            <DraftForm />
          </DraftProvider>
        }
        json={<JsonPanel text={state.text} onChange={editText} syntaxError={state.syntaxError} messages={errors.elsewhere} onReady={(handle) => (jsonEditor.current = handle)} />}
      />
      <div className="lg:sticky lg:bottom-0 lg:z-10">
        <RegisterBar
          changeNote={state.changeNote}
          onChangeNote={setChangeNote}
          error={errors.changeNoteError}
          pending={pending}
          result={result}
          sameAs={unchanged && unchangedAsked ? start.from : undefined}
          onRegister={register}
        />
      </div>
    </div>
  );
}
