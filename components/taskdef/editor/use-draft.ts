"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { asDraft, draftStorageKey, draftText, parseDraftText, readStoredDraft, storedDraftText, type Draft } from "@/lib/taskdef/draft";
import type { Registration } from "@/lib/taskdef/registration";
import type { JsonSyntaxError } from "./json-editor";

/** How long typing may pause before the draft is written to the browser's storage. */
const SAVE_AFTER_MS = 300;

export interface DraftState {
  /** The last value that parsed: what the form shows and validation checks. */
  draft: Draft;
  /** The JSON as typed, which is the draft even while it does not parse. */
  text: string;
  syntaxError?: JsonSyntaxError;
  changeNote: string;
}

function fromText(text: string, previous: Draft, changeNote: string): DraftState {
  const parsed = parseDraftText(text);
  if (parsed.ok) return { draft: parsed.draft, text, changeNote };
  const { message, line, column, offset } = parsed;
  return { draft: previous, text, changeNote, syntaxError: { message, line, column, offset } };
}

function fromDraft(draft: Draft, changeNote: string): DraftState {
  return { draft, text: draftText(draft), changeNote };
}

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/**
 * The editor's one draft, kept in step between form and JSON, and kept in the browser's
 * storage as it changes, so a refresh, a crash or a rejected submit loses nothing. It is
 * restored on load, and forgotten only when discarded or registered.
 */
export function useDraft({ from, basedOn, initial }: { from: string | undefined; basedOn: string | undefined; initial: Registration }) {
  const key = draftStorageKey(from);
  const [start] = useState(() => fromDraft(asDraft(initial), ""));
  const [state, setState] = useState<DraftState>(start);
  const [restoredAt, setRestoredAt] = useState<string>();
  const [loaded, setLoaded] = useState(false);
  const forgotten = useRef(false);

  useEffect(() => {
    const stored = readStoredDraft(storage()?.getItem(key) ?? null);
    if (stored) {
      setState(fromText(stored.text, start.draft, stored.changeNote));
      setRestoredAt(stored.savedAt);
    }
    setLoaded(true);
  }, [key, start]);

  useEffect(() => {
    if (!loaded || forgotten.current) return;
    const pristine = state.text === start.text && state.changeNote === "";
    const timer = setTimeout(() => {
      try {
        if (pristine) storage()?.removeItem(key);
        else storage()?.setItem(key, storedDraftText({ text: state.text, changeNote: state.changeNote, basedOn, savedAt: new Date().toISOString() }));
      } catch {
        // A full or refused storage must not stop the editing; the draft is still on screen.
      }
    }, SAVE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [loaded, state.text, state.changeNote, key, basedOn, start.text]);

  const editDraft = useCallback((change: (draft: Draft) => Draft) => setState((current) => fromDraft(change(current.draft), current.changeNote)), []);
  const editText = useCallback((text: string) => setState((current) => fromText(text, current.draft, current.changeNote)), []);
  const setChangeNote = useCallback((changeNote: string) => setState((current) => ({ ...current, changeNote })), []);

  const discard = useCallback(() => {
    storage()?.removeItem(key);
    setState(start);
    setRestoredAt(undefined);
  }, [key, start]);

  /** After a successful register: the draft is in ECS now, and no pending save may bring it back. */
  const forget = useCallback(() => {
    forgotten.current = true;
    storage()?.removeItem(key);
  }, [key]);

  return { state, restoredAt, editDraft, editText, setChangeNote, discard, forget };
}
