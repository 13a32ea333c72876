"use client";

import { createContext, useContext } from "react";
import type { Draft } from "@/lib/taskdef/draft";

/** What every field of the form needs: the draft, the messages at fields, and the ways to change it. */
export interface DraftEditing {
  draft: Draft;
  /** Messages keyed by form field path. */
  errors: Record<string, string>;
  setValue: (path: string, value: unknown) => void;
  addItem: (path: string, item: unknown) => void;
  removeItem: (path: string, index: number) => void;
}

const DraftContext = createContext<DraftEditing | undefined>(undefined);

export const DraftProvider = DraftContext.Provider;

export function useDraftEditing(): DraftEditing {
  const editing = useContext(DraftContext);
  if (!editing) throw new Error("Form fields of the task definition editor need a DraftProvider.");
  return editing;
}
