import { approvalTimeoutText } from "@/lib/approval-text";
import type { ServiceRow } from "@/lib/view-models/clusters";

/** Every deployment waiting for a person, across clusters: what an approver looks for first. */
export function ApprovalsSummary({ waiting, now }: { waiting: readonly { cluster: string; service: ServiceRow }[]; now: number }) {
  return (
    <section aria-labelledby="approvals-title" className="rounded-lg border border-warn-line bg-warn-soft px-4 py-3">
      <h2 id="approvals-title" className="font-semibold text-warn">
        Awaiting approval
      </h2>
      <ul className="mt-1 space-y-1 text-sm">
        {waiting.map(({ cluster, service }) => {
          const timeout = service.awaitingApproval && approvalTimeoutText(service.awaitingApproval, now);
          return (
            <li key={`${cluster}/${service.name}`}>
              <strong className="font-semibold">{service.name}</strong> in cluster <strong className="font-semibold">{cluster}</strong>
              {service.taskDefinition && <> is deploying {service.taskDefinition.label}</>}
              {timeout && <span className="text-ink-muted"> · {timeout}</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
