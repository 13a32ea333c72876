import type { ReactNode } from "react";
import { formatPort, shortDigest } from "@/lib/task-display";
import type { ContainerView } from "@/lib/view-models/task-detail";
import { HealthBadge, StatusBadge } from "./task-status";
import { Panel } from "./panel";

/** The containers' columns, declared once for the table (wide screens) and the cards (phones). */
interface Column {
  header: string;
  cell: (container: ContainerView) => ReactNode;
}

const NONE = <span className="text-ink-muted">—</span>;

function Image({ container }: { container: ContainerView }) {
  return (
    <>
      <span className="font-mono text-xs [overflow-wrap:anywhere]">{container.image ?? "—"}</span>
      {container.imageDigest && (
        <span title={container.imageDigest} className="block font-mono text-xs text-ink-muted">
          {shortDigest(container.imageDigest)}
        </span>
      )}
    </>
  );
}

function Ports({ container }: { container: ContainerView }) {
  if (container.ports.length === 0) return NONE;
  return (
    <ul className="space-y-0.5">
      {container.ports.map((port, index) => (
        <li key={index} className="font-mono text-xs whitespace-nowrap">
          {formatPort(port)}
        </li>
      ))}
    </ul>
  );
}

const COLUMNS: readonly Column[] = [
  { header: "Image", cell: (container) => <Image container={container} /> },
  { header: "Status", cell: (container) => <StatusBadge status={container.lastStatus} /> },
  { header: "Health", cell: (container) => <HealthBadge health={container.health} /> },
  { header: "Exit code", cell: (container) => (container.exitCode === undefined ? NONE : <span className="tabular-nums">{container.exitCode}</span>) },
  { header: "Reason", cell: (container) => container.reason ?? NONE },
  { header: "Essential", cell: (container) => (container.essential === undefined ? NONE : container.essential ? "Yes" : "No") },
  { header: "Ports", cell: (container) => <Ports container={container} /> },
];

function ContainersTable({ containers }: { containers: readonly ContainerView[] }) {
  return (
    <div className="hidden overflow-x-auto md:block">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">The task&rsquo;s containers</caption>
        <thead className="border-b border-line text-xs text-ink-muted">
          <tr>
            <th scope="col" className="py-2 pr-4 font-medium">
              Name
            </th>
            {COLUMNS.map((column) => (
              <th key={column.header} scope="col" className="py-2 pr-4 font-medium whitespace-nowrap">
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {containers.map((container) => (
            <tr key={container.name} className="align-top">
              <th scope="row" className="py-2.5 pr-4 font-medium">
                {container.name}
              </th>
              {COLUMNS.map((column) => (
                <td key={column.header} className="py-2.5 pr-4">
                  {column.cell(container)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ContainerCards({ containers }: { containers: readonly ContainerView[] }) {
  return (
    <ul className="space-y-3 md:hidden" aria-label="Containers">
      {containers.map((container) => (
        <li key={container.name} className="rounded-md border border-line bg-surface-sunken p-3">
          <h3 className="font-medium">{container.name}</h3>
          <dl className="mt-2 grid grid-cols-[max-content_minmax(0,1fr)] gap-x-4 gap-y-1.5 text-sm">
            {COLUMNS.map((column) => (
              <div key={column.header} className="contents">
                <dt className="text-ink-muted">{column.header}</dt>
                <dd className="min-w-0">{column.cell(container)}</dd>
              </div>
            ))}
          </dl>
        </li>
      ))}
    </ul>
  );
}

/** Each container's image, state, exit and ports: a table on wide screens, cards on a phone. */
export function Containers({ containers }: { containers: readonly ContainerView[] }) {
  return (
    <Panel title="Containers">
      {containers.length === 0 ? (
        <p className="text-sm text-ink-muted">ECS lists no containers for this task.</p>
      ) : (
        <>
          <ContainersTable containers={containers} />
          <ContainerCards containers={containers} />
        </>
      )}
    </Panel>
  );
}
