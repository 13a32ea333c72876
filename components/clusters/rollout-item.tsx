import Link from "next/link";
import { useId } from "react";
import { approvalTimeoutText, pausedAtText } from "@/lib/approval-text";
import { AWS_ERROR_TEXT } from "@/lib/aws-errors";
import { formatCount } from "@/lib/format";
import { pagePaths } from "@/lib/query-keys";
import type { ServiceRow } from "@/lib/view-models/clusters";
import { Badge } from "@/components/ui/badge";

/** A service with a deployment in progress: waiting for a decision stands out, an ordinary rollout does not. */
export function RolloutItem({ cluster, service, now }: { cluster: string; service: ServiceRow; now: number }) {
  const nameId = useId();
  const gate = service.awaitingApproval;
  const timeout = gate && approvalTimeoutText(gate, now);
  // While old and new revisions run side by side, running exceeds desired: say both, not "4 / 2".
  const tasks = `${formatCount(service.running, "task")} running of ${service.desired.toLocaleString("en-US")} desired`;
  const pending = service.pending > 0 ? `${service.pending.toLocaleString("en-US")} pending` : undefined;
  const facts = [service.strategy, service.taskDefinition && `to ${service.taskDefinition.label}`, tasks, pending].filter(Boolean);
  return (
    <li
      aria-labelledby={nameId}
      className={`rounded-md border px-3 py-2 text-sm ${gate ? "border-warn-line bg-warn-soft" : "border-line bg-surface"}`}
    >
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <span id={nameId} className="font-medium [overflow-wrap:anywhere]">
          <Link href={pagePaths.service(cluster, service.name)} className="text-link underline-offset-2 hover:underline">
            {service.name}
          </Link>
        </span>
        {gate ? <Badge tone="warn">Awaiting approval</Badge> : <Badge tone="info">Deploying</Badge>}
      </div>
      <p className="mt-1 text-ink-muted">{facts.join(" · ")}</p>
      {gate && (
        <p className="mt-1">
          {pausedAtText(gate.lifecycleStage)}.{" "}
          {timeout && <span className="font-medium text-warn">{timeout}.</span>}
        </p>
      )}
      {service.approvalError && (
        <p className="mt-1 text-danger">
          Could not tell whether it waits for approval: {AWS_ERROR_TEXT[service.approvalError.code].title.toLowerCase()}.
        </p>
      )}
    </li>
  );
}
