import Link from "next/link";
import { RelativeTime } from "@/components/service/relative-time";
import { CopyButton } from "@/components/task/copy-button";
import { DetailList, Panel } from "@/components/task/panel";
import { TaskDefinitionDetails } from "@/components/task/task-definition-details";
import { RevisionStatusBadge } from "@/components/taskdef/browse/revision-status-badge";
import { TaskDefinitionBreadcrumb } from "@/components/taskdef/browse/task-definition-breadcrumb";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { pagePaths } from "@/lib/query-keys";
import { registrationJson } from "@/lib/taskdef/registration";
import { principalName } from "@/lib/view-models/task-definition-history";
import type { RevisionView } from "@/lib/view-models/task-definitions";
import { RevisionActions } from "./revision-actions";

function Registration({ revision, readAt }: { revision: RevisionView; readAt: number }) {
  const by = principalName(revision.registeredBy);
  return (
    <DetailList
      details={[
        { term: "Status", value: <RevisionStatusBadge status={revision.status} /> },
        { term: "Registered", value: revision.registeredAt && <RelativeTime iso={revision.registeredAt} now={readAt} /> },
        { term: "Registered by", value: by && <span title={revision.registeredBy}>{by}</span> },
        ...(revision.deregisteredAt ? [{ term: "Deregistered", value: <RelativeTime iso={revision.deregisteredAt} now={readAt} /> }] : []),
        { term: "Change note", value: revision.changeNote ?? <span className="text-ink-muted">None given</span> },
      ]}
    />
  );
}

/** The registration JSON, as the editor and the export have it: read-only, copyable. */
function RegistrationJson({ revision }: { revision: RevisionView }) {
  const json = registrationJson(revision.registration);
  return (
    <Panel title="Registration JSON" aside={<CopyButton value={json} label="Copy JSON" />}>
      <p className="mb-2 text-xs text-ink-muted">
        What <code className="font-mono">aws ecs register-task-definition --cli-input-json</code> accepts: the settings ECS sets itself (revision, status, ARN,
        dates) left out.
      </p>
      <pre
        tabIndex={0}
        aria-label={`Registration JSON of ${revision.label}`}
        className="max-h-[32rem] overflow-auto rounded-md bg-surface-sunken p-3 font-mono text-xs leading-relaxed ring-1 ring-line"
      >
        <code>{json}</code>
      </pre>
    </Panel>
  );
}

/** One revision's page: who registered it and why, what can be done with it, its settings and its JSON. */
export function RevisionOverview({
  revision,
  previous,
  readAt,
  justRegistered = false,
  startedFrom,
}: {
  revision: RevisionView;
  previous?: number;
  readAt: number;
  /** Straight from the editor: say it worked, and offer the comparison people want next. */
  justRegistered?: boolean;
  /** The revision the editor's draft started from, which is what the banner compares with; else the previous one. */
  startedFrom?: number;
}) {
  const comparedWith = startedFrom !== undefined && startedFrom !== revision.revision ? startedFrom : previous;
  return (
    <div className="space-y-6">
      <div>
        <TaskDefinitionBreadcrumb family={revision.family} revision={revision.revision} />
        <PageHeader title={revision.label} description={`Revision ${revision.revision} of ${revision.family}.`} />
      </div>
      {justRegistered && (
        <Notice tone="ok" live title={`Registered ${revision.label}`}>
          {comparedWith !== undefined ? (
            <p>
              <Link className="text-link underline" href={pagePaths.taskDefinitionCompare(`${revision.family}:${comparedWith}`, revision.label)}>
                See what changed since {revision.family}:{comparedWith}
              </Link>
              {comparedWith === startedFrom && comparedWith !== previous && <>, the revision this one started from</>}
            </p>
          ) : (
            <p>The first revision of {revision.family}.</p>
          )}
        </Notice>
      )}
      <section aria-label="Registration" className="max-w-2xl">
        <Registration revision={revision} readAt={readAt} />
      </section>
      <RevisionActions revision={revision} previous={previous} />
      {revision.hidesValues && (
        <Notice tone="info" title="Some values are hidden for your role">
          <p>Secret values and sensitive environment values show as bullets here and in the export. A new revision started from this one keeps them as they are.</p>
        </Notice>
      )}
      <Panel title="Task and containers">
        <TaskDefinitionDetails summary={revision.summary} />
      </Panel>
      <RegistrationJson revision={revision} />
    </div>
  );
}
