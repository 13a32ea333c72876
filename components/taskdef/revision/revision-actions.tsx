"use client";

import Link from "next/link";
import { useState } from "react";
import { ActionResultNotice } from "@/components/actions/action-result-notice";
import { useCan } from "@/components/auth/permissions-context";
import { PRIMARY_LINK, SECONDARY_LINK } from "@/components/taskdef/browse/link-styles";
import type { ActionResult } from "@/lib/action-result";
import { pagePaths } from "@/lib/query-keys";
import type { RevisionView } from "@/lib/view-models/task-definitions";
import { deleteTaskDefinition } from "@/server/actions/delete-task-definition";
import { deregisterTaskDefinition } from "@/server/actions/deregister-task-definition";
import { ConfirmedAction } from "./confirmed-action";

/** Where "Export JSON" downloads a revision's registration from. */
export function registrationDownloadPath(label: string): string {
  return `/api/task-definitions/${encodeURIComponent(label)}/registration`;
}

type Answer = { result: ActionResult<unknown>; failureTitle: string } | undefined;

function DestructiveActions({ revision, onAnswer }: { revision: RevisionView; onAnswer: (answer: Answer) => void }) {
  const { label, status } = revision;
  const answerFor = (failureTitle: string) => (result: ActionResult<unknown> | undefined) => onAnswer(result && { result, failureTitle });
  if (status === "ACTIVE") {
    return (
      <ConfirmedAction
        label="Deregister"
        question={`Deregister ${label}?`}
        consequences={
          <>
            <p>Services already running {label} keep running it, and their tasks are replaced from it as before.</p>
            <p className="mt-2">No new service, deployment or task can use it. It can be deleted afterwards.</p>
          </>
        }
        run={() => deregisterTaskDefinition({ taskDefinition: revision.arn || label })}
        onAnswer={answerFor(`${label} was not deregistered`)}
      />
    );
  }
  if (status === "INACTIVE") {
    return (
      <ConfirmedAction
        label="Delete"
        question={`Delete ${label} for good?`}
        consequences={
          <>
            <p>This cannot be undone. ECS removes {label} once no task uses it, and its number is never used again.</p>
            <p className="mt-2">Its registration can still be exported first, to keep a copy.</p>
          </>
        }
        run={() => deleteTaskDefinition({ taskDefinition: revision.arn || label })}
        onAnswer={answerFor(`${label} was not deleted`)}
      />
    );
  }
  return null;
}

/** What can be done with a revision: start a new one from it, compare, export; deregister or delete it for those who may. */
export function RevisionActions({ revision, previous }: { revision: RevisionView; previous?: number }) {
  const canOperate = useCan("operate");
  const [answer, setAnswer] = useState<Answer>();
  const { family, label, status } = revision;
  return (
    <section aria-label="Actions" className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        {canOperate && (
          <Link href={pagePaths.taskDefinitionEditor(label)} className={PRIMARY_LINK}>
            New revision from this one
          </Link>
        )}
        {previous !== undefined && (
          <Link href={pagePaths.taskDefinitionCompare(`${family}:${previous}`, label)} className={SECONDARY_LINK}>
            Compare with previous revision
          </Link>
        )}
        <a href={registrationDownloadPath(label)} download className={SECONDARY_LINK}>
          Export JSON
        </a>
        {canOperate && <DestructiveActions revision={revision} onAnswer={setAnswer} />}
      </div>
      {canOperate && status === "ACTIVE" && <p className="text-xs text-ink-muted">To delete this revision, deregister it first: ECS deletes only inactive revisions.</p>}
      {answer && <ActionResultNotice result={answer.result} failureTitle={answer.failureTitle} />}
    </section>
  );
}
