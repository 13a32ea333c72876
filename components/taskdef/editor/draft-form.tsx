"use client";

import { Button } from "@/components/ui/button";
import { valueAt } from "@/lib/taskdef/draft";
import { useDraftEditing } from "./draft-context";
import { ContainerFields } from "./container-fields";
import { TaskFields } from "./task-fields";

/** The structured form over the draft: the task, then each container. */
export function DraftForm() {
  const { draft, addItem } = useDraftEditing();
  const containers = valueAt(draft, "containerDefinitions");
  const count = Array.isArray(containers) ? containers.length : 0;
  return (
    <div className="space-y-8">
      <TaskFields />
      <section aria-labelledby="containers-heading" className="space-y-4">
        <h2 id="containers-heading" className="text-lg font-semibold">
          Containers
        </h2>
        {count === 0 && <p className="text-sm text-ink-muted">No containers yet: a task needs at least one.</p>}
        {Array.from({ length: count }, (_, index) => (
          <ContainerFields key={index} index={index} count={count} />
        ))}
        <Button onClick={() => addItem("containerDefinitions", { name: `container-${count + 1}`, image: "", essential: count === 0 })}>Add container</Button>
      </section>
    </div>
  );
}
