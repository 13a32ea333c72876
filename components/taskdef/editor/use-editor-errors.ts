"use client";

import { useMemo, useState } from "react";
import type { Draft } from "@/lib/taskdef/draft";
import type { validateTaskDefinition } from "@/lib/taskdef/validation";
import type { JsonSyntaxError } from "./json-editor";
import { CHANGE_NOTE_ID, fieldId, formFieldOf, JSON_EDITOR_ID, placeMessages, placeOf } from "./field-paths";
import type { SummaryItem } from "./error-summary";

type Validate = typeof validateTaskDefinition;

/** The rules (and zod with them) load on the first submit, not with the page. */
function loadValidation(): Promise<Validate> {
  return import("@/lib/taskdef/validation").then((module) => module.validateTaskDefinition);
}

const REGISTRATION_PREFIX = /^registration(\.|$)/;

/**
 * The draft's messages: none until the first submit, then checked again at every edit. The
 * server's (a hidden value, a change note) belong to the draft they were given for, and go
 * once it changes.
 */
export function useEditorErrors(draft: Draft, syntaxError: JsonSyntaxError | undefined) {
  const [validate, setValidate] = useState<Validate>();
  const [submitted, setSubmitted] = useState(false);
  const [server, setServer] = useState<{ draft: Draft; errors: Record<string, string> }>();

  const { changeNoteError, registrationErrors, placed } = useMemo(() => {
    const checked = submitted && validate ? validate(draft) : undefined;
    const own = checked && !checked.ok ? checked.fieldErrors : {};
    const { changeNote, ...registration } = { ...(server?.draft === draft ? server.errors : {}), ...own };
    return { changeNoteError: changeNote, registrationErrors: registration, placed: placeMessages(registration) };
  }, [draft, submitted, validate, server]);

  const summary: SummaryItem[] = [
    ...(syntaxError && submitted ? [{ key: "syntax", place: "JSON", message: `Line ${syntaxError.line}, column ${syntaxError.column}: ${syntaxError.message}.`, target: JSON_EDITOR_ID }] : []),
    ...Object.entries(registrationErrors).map(([path, message]) => ({
      key: path,
      place: placeOf(path, draft),
      message,
      target: formFieldOf(path) ? fieldId(formFieldOf(path)!) : JSON_EDITOR_ID,
    })),
    ...(changeNoteError ? [{ key: "changeNote", place: "Change note", message: changeNoteError, target: CHANGE_NOTE_ID }] : []),
  ];

  /** Checks the draft as the server will; true when it may be sent. */
  async function checkBeforeSending(): Promise<boolean> {
    setSubmitted(true);
    const check = validate ?? (await loadValidation());
    if (!validate) setValidate(() => check);
    return !syntaxError && check(draft).ok;
  }

  /** Field errors from the action, keyed `registration.<path>` or `changeNote`. */
  function showServerErrors(errors: Record<string, string>) {
    const unprefixed = Object.fromEntries(Object.entries(errors).map(([path, message]) => [path.replace(REGISTRATION_PREFIX, ""), message]));
    setServer({ draft, errors: unprefixed });
  }

  return { atFields: placed.atFields, elsewhere: placed.elsewhere, changeNoteError, summary, checkBeforeSending, showServerErrors };
}
