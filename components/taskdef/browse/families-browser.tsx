"use client";

import Link from "next/link";
import { useId, useState } from "react";
import { useCan } from "@/components/auth/permissions-context";
import { TextField } from "@/components/ui/field";
import { formatCount } from "@/lib/format";
import { pagePaths } from "@/lib/query-keys";
import type { TaskDefinitionFamily } from "@/lib/view-models/task-definition-history";
import { TEXT_LINK } from "./link-styles";

function FamilyGroup({ title, hint, families, emptyText }: { title: string; hint: string; families: TaskDefinitionFamily[]; emptyText: string }) {
  const titleId = useId();
  return (
    <section aria-labelledby={titleId} className="space-y-3">
      <div>
        <h2 id={titleId} className="text-base font-semibold">
          {title} <span className="font-normal text-ink-muted">({families.length.toLocaleString("en-US")})</span>
        </h2>
        <p className="text-sm text-ink-muted">{hint}</p>
      </div>
      {families.length === 0 ? (
        <p className="rounded-md border border-dashed border-line px-4 py-3 text-sm text-ink-muted">{emptyText}</p>
      ) : (
        <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
          {families.map((family) => (
            <li key={family.name} className="rounded-md border border-line bg-surface px-4 py-3 shadow-sm">
              <Link href={pagePaths.taskDefinitionFamily(family.name)} className={`min-w-0 font-medium [overflow-wrap:anywhere] ${TEXT_LINK}`}>
                {family.name}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** No family at all: what a task definition is for, and how to get one. */
function NoFamilies() {
  const canOperate = useCan("operate");
  return (
    <section aria-labelledby="no-families-title" className="rounded-lg border border-dashed border-line bg-surface px-4 py-8 text-center sm:px-8">
      <h2 id="no-families-title" className="text-lg font-semibold">
        No task definitions yet
      </h2>
      <p className="mx-auto mt-2 max-w-prose text-sm text-ink-muted">
        A task definition says which containers a task runs and with what CPU, memory and settings; services and tasks start from one of its revisions.
        {canOperate ? " Create the first one with “Create task definition”, or register one" : " Someone who may deploy can register one here, or"} with the AWS CLI:
      </p>
      <pre className="mx-auto mt-4 rounded-md bg-surface-sunken px-4 py-3 text-left text-sm whitespace-pre-wrap ring-1 ring-line [overflow-wrap:anywhere] sm:w-fit">
        <code className="font-mono">aws ecs register-task-definition --cli-input-json file://taskdef.json</code>
      </pre>
    </section>
  );
}

/** Every family, those with a usable revision apart from those without, narrowed by name as you type. */
export function FamiliesBrowser({ families }: { families: TaskDefinitionFamily[] }) {
  const [query, setQuery] = useState("");
  if (families.length === 0) return <NoFamilies />;
  const wanted = query.trim().toLowerCase();
  const matching = wanted ? families.filter((family) => family.name.toLowerCase().includes(wanted)) : families;
  const noneText = (kind: string) => (wanted ? `No ${kind} family has “${query.trim()}” in its name.` : `No ${kind} families.`);
  return (
    <div className="space-y-6">
      <div className="max-w-sm">
        <TextField label="Search by name" type="search" value={query} onChange={(event) => setQuery(event.target.value)} autoComplete="off" spellCheck={false} />
      </div>
      <p role="status" className="sr-only">
        {wanted ? `${formatCount(matching.length, "family", "families")} match.` : ""}
      </p>
      <FamilyGroup
        title="Active"
        hint="Families with at least one revision services and tasks can use."
        families={matching.filter((family) => family.active)}
        emptyText={noneText("active")}
      />
      <FamilyGroup
        title="Inactive"
        hint="Every revision deregistered: services already running one keep it, but nothing new can use them."
        families={matching.filter((family) => !family.active)}
        emptyText={noneText("inactive")}
      />
    </div>
  );
}
