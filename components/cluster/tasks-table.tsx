"use client";

import { useMemo, useState } from "react";
import { ResourceTable } from "@/components/resources/resource-table";
import { SelectField } from "@/components/ui/field";
import type { TaskRow } from "@/lib/view-models/tasks";
import { taskColumns } from "./task-columns";

const NOUN = { one: "task", other: "tasks" };
const NEWEST_FIRST = { column: "started", direction: "descending" } as const;

/** ECS lists tasks by desired status: a task on its way up is "running", one on its way down "stopped". */
const STATUSES = {
  RUNNING: { label: "Running", words: "running " },
  STOPPED: { label: "Stopped", words: "stopped " },
  ALL: { label: "All", words: "" },
} as const;
type StatusFilter = keyof typeof STATUSES;

/** The value of the service filter for tasks no service started (RunTask's). */
const STANDALONE = "(none)";

function keeps(status: StatusFilter, service: string) {
  return (row: TaskRow) =>
    (status === "ALL" || row.desiredStatus === status) && (service === "" || (service === STANDALONE ? !row.service : row.service === service));
}

function noMatchText(status: StatusFilter, service: string, query: string): string {
  const of = service === STANDALONE ? " outside services" : service ? ` of ${service}` : "";
  const matching = query ? ` match “${query}”` : "";
  const stoppedNote = status === "STOPPED" && !query ? " ECS keeps a stopped task for about an hour." : "";
  return `No ${STATUSES[status].words}tasks${of}${matching}.${stoppedNote}`;
}

export function TasksTable({ cluster, tasks, services }: { cluster: string; tasks: readonly TaskRow[]; services: readonly string[] }) {
  const [status, setStatus] = useState<StatusFilter>("RUNNING");
  const [service, setService] = useState("");
  const columns = useMemo(() => taskColumns(cluster, status !== "RUNNING"), [cluster, status]);
  const filter = useMemo(() => keeps(status, service), [status, service]);

  const filters = (
    <>
      <div className="w-[calc(50%-0.5rem)] sm:w-36">
        <SelectField label="Status" value={status} onChange={(event) => setStatus(event.target.value as StatusFilter)}>
          {Object.entries(STATUSES).map(([value, { label }]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="w-[calc(50%-0.5rem)] sm:w-44">
        <SelectField label="Service" value={service} onChange={(event) => setService(event.target.value)}>
          <option value="">All services</option>
          {services.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
          <option value={STANDALONE}>Not in a service</option>
        </SelectField>
      </div>
    </>
  );

  return (
    <ResourceTable
      caption={`Tasks of cluster ${cluster}`}
      rows={tasks}
      columns={columns}
      rowKey={(row) => row.arn}
      noun={NOUN}
      initialSort={NEWEST_FIRST}
      filter={filter}
      filters={filters}
      empty="No tasks in this cluster: none running, and none stopped in the last hour."
      noMatch={(query) => noMatchText(status, service, query)}
    />
  );
}
