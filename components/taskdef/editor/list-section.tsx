"use client";

import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { valueAt } from "@/lib/taskdef/draft";
import { useDraftEditing } from "./draft-context";

/**
 * A list inside a container (port mappings, variables, secrets): each item a row of fields
 * with its own Remove, and an Add at the end. `itemName` names the buttons ("Remove variable 2").
 */
export function ListSection({
  path,
  title,
  itemName,
  newItem,
  empty,
  children,
}: {
  path: string;
  title: string;
  itemName: string;
  newItem: () => unknown;
  empty: string;
  children: (itemPath: string, index: number) => ReactNode;
}) {
  const { draft, addItem, removeItem } = useDraftEditing();
  const list = valueAt(draft, path);
  const items: unknown[] = Array.isArray(list) ? list : [];
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-semibold">{title}</legend>
      {items.length === 0 && <p className="text-sm text-ink-muted">{empty}</p>}
      <ol className="space-y-2">
        {items.map((_, index) => (
          <li key={index} className="flex flex-wrap items-end gap-2 rounded-md border border-line bg-surface-sunken/40 p-2">
            <div className="grid min-w-0 flex-1 gap-2 sm:grid-cols-[repeat(auto-fit,minmax(7.5rem,1fr))]">{children(`${path}.${index}`, index)}</div>
            <Button onClick={() => removeItem(path, index)} aria-label={`Remove ${itemName} ${index + 1}`}>
              Remove
            </Button>
          </li>
        ))}
      </ol>
      <Button onClick={() => addItem(path, newItem())}>Add {itemName}</Button>
    </fieldset>
  );
}
