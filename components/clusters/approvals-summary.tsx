import Link from "next/link";
import { approvalTimeoutText } from "@/lib/approval-text";
import { pagePaths } from "@/lib/query-keys";
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
              <Link href={pagePaths.service(cluster, service.name)} className="font-semibold text-link underline underline-offset-2 hover:no-underline">
                {service.name}
              </Link>{" "}
              in cluster{" "}
              <Link href={pagePaths.cluster(cluster)} className="font-semibold text-link underline underline-offset-2 hover:no-underline">
                {cluster}
              </Link>
              {service.taskDefinition && <> is deploying {service.taskDefinition.label}</>}
              {timeout && <span className="text-ink-muted"> · {timeout}</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
