import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { MASK, type EnvironmentEntry, type SecretEntry, type SecretStore } from "@/lib/secrets/mask";
import { formatPort, formatTaskSize, roleName } from "@/lib/task-display";
import { formatTimestamp } from "@/lib/task-timeline";
import type { DefinitionContainer, TaskDefinitionSummary } from "@/lib/view-models/task-detail";
import { DetailList } from "./panel";

function Role({ arn }: { arn: string | undefined }) {
  if (!arn) return <span className="text-ink-muted">None</span>;
  return (
    <span title={arn} className="font-mono text-xs">
      {roleName(arn)}
    </span>
  );
}

const STORES: Record<SecretStore, string> = { "secrets-manager": "Secrets Manager", ssm: "Parameter Store" };

/** The mask is for the eye; a screen reader says "hidden" rather than six bullets. */
function Hidden() {
  return (
    <>
      <span aria-hidden="true">{MASK}</span>
      <span className="sr-only">hidden</span>
    </>
  );
}

function Variables({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="mt-3">
      <h4 className="text-xs font-semibold text-ink-muted">{title}</h4>
      <dl className="mt-1 grid grid-cols-[minmax(0,max-content)_minmax(0,1fr)] gap-x-3 gap-y-1 font-mono text-xs">{children}</dl>
    </div>
  );
}

function Variable({ name, children }: { name: string; children: ReactNode }) {
  return (
    <div className="contents">
      <dt className="[overflow-wrap:anywhere]">{name}</dt>
      <dd className="flex min-w-0 gap-2">
        <span aria-hidden="true" className="text-ink-muted">
          =
        </span>
        <span className="min-w-0 [overflow-wrap:anywhere]">{children}</span>
      </dd>
    </div>
  );
}

function Environment({ entries }: { entries: EnvironmentEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <Variables title="Environment">
      {entries.map((entry) => (
        <Variable key={entry.name} name={entry.name}>
          {entry.value === MASK ? <Hidden /> : entry.value || <span className="font-sans text-ink-muted italic">empty</span>}
        </Variable>
      ))}
    </Variables>
  );
}

function Secrets({ entries }: { entries: SecretEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <Variables title="Secrets">
      {entries.map((entry) => (
        <Variable key={entry.name} name={entry.name}>
          <span className="font-sans text-ink-muted">{STORES[entry.store]} </span>
          {entry.masked ? <Hidden /> : <span title={entry.valueFrom}>{entry.source}</span>}
        </Variable>
      ))}
    </Variables>
  );
}

function DefinitionContainers({ containers }: { containers: DefinitionContainer[] }) {
  return (
    <ul className="space-y-2">
      {containers.map((container) => (
        <li key={container.name} className="rounded-md border border-line bg-surface-sunken px-3 py-2">
          <div className="flex flex-wrap items-baseline gap-x-2">
            <span className="font-medium">{container.name}</span>
            {!container.essential && <Badge>Not essential</Badge>}
          </div>
          <p className="font-mono text-xs [overflow-wrap:anywhere]">{container.image ?? "No image"}</p>
          {(container.portMappings.length > 0 || container.healthCheck) && (
            <p className="mt-1 text-xs text-ink-muted">
              {container.portMappings.map((mapping) => formatPort({ containerPort: mapping.containerPort, protocol: mapping.protocol })).join(", ")}
              {container.portMappings.length > 0 && container.healthCheck && " · "}
              {container.healthCheck && "Container health check"}
            </p>
          )}
          <Environment entries={container.environment} />
          <Secrets entries={container.secrets} />
        </li>
      ))}
    </ul>
  );
}

function hidesSomething(containers: DefinitionContainer[]): boolean {
  return containers.some((container) => container.environment.some((entry) => entry.masked) || container.secrets.some((entry) => entry.masked));
}

/** A revision's task settings beside its containers: the task page's panel and a revision's own page show the same. */
export function TaskDefinitionDetails({ summary }: { summary: TaskDefinitionSummary }) {
  return (
    <div className="grid gap-5 lg:grid-cols-2">
      <DetailList
        details={[
          { term: "Revision", value: summary.ref.label },
          { term: "CPU and memory", value: formatTaskSize(summary.cpu, summary.memory) },
          { term: "Network mode", value: summary.networkMode },
          { term: "Compatibilities", value: summary.requiresCompatibilities.length ? summary.requiresCompatibilities.join(", ") : undefined },
          { term: "Task role", value: <Role arn={summary.taskRoleArn} /> },
          { term: "Execution role", value: <Role arn={summary.executionRoleArn} /> },
          { term: "Registered", value: summary.registeredAt && <time dateTime={summary.registeredAt}>{formatTimestamp(summary.registeredAt)}</time> },
        ]}
      />
      <div>
        <h3 className="mb-2 text-sm font-semibold">Its containers</h3>
        {hidesSomething(summary.containers) && (
          <p className="mb-2 text-xs text-ink-muted">Secret values are hidden: your role may not see them.</p>
        )}
        <DefinitionContainers containers={summary.containers} />
      </div>
    </div>
  );
}
