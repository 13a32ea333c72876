import { targetLabel, type TargetSummary } from "@/lib/target-summary";

/** Always says which AWS this dashboard reads and changes: local ECS and a real account look alike otherwise. */
export function SiteFooter({ target }: { target: TargetSummary }) {
  const misconfigured = target.name === "misconfigured";
  return (
    <footer className="border-t border-line bg-surface">
      <div className="mx-auto flex max-w-6xl flex-col gap-1 px-4 py-4 text-sm text-ink-muted sm:px-6">
        <p className="flex items-start gap-2">
          <span aria-hidden="true" className={`mt-1.5 size-2 shrink-0 rounded-full ${misconfigured ? "bg-danger" : target.name === "aws" ? "bg-warn" : "bg-ok"}`} />
          <span>
            Talking to <strong className="font-medium text-ink">{targetLabel(target)}</strong>
            {target.name === "local" && <> (region {target.region})</>}
          </span>
        </p>
        {misconfigured && <p className="text-danger [overflow-wrap:anywhere]">{target.problem}</p>}
      </div>
    </footer>
  );
}
