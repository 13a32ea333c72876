import { revisionLabel } from "@/lib/deployment-text";
import { formatCount } from "@/lib/format";
import type { RevisionProgress } from "@/lib/view-models/deployments";

function traffic(progress: RevisionProgress): string | undefined {
  const parts = [
    progress.productionTrafficWeight !== undefined && `${progress.productionTrafficWeight} % of production traffic`,
    progress.testTrafficWeight !== undefined && `${progress.testTrafficWeight} % of test traffic`,
  ].filter(Boolean);
  return parts.length ? parts.join(" · ") : undefined;
}

function RevisionBox({ role, progress }: { role: string; progress: RevisionProgress }) {
  const images = progress.revision?.images ?? [];
  const shares = traffic(progress);
  return (
    <div className="min-w-0 flex-1 rounded-md border border-line bg-surface-sunken px-3 py-2 text-sm">
      <p className="text-xs text-ink-muted">{role}</p>
      <p className="font-semibold">{revisionLabel(progress.revision, progress.serviceRevisionArn)}</p>
      {images.map((image) => (
        <p key={image.containerName} className="font-mono text-xs [overflow-wrap:anywhere] text-ink-muted">
          {image.image}
        </p>
      ))}
      <p className="mt-1">
        {progress.runningTasks.toLocaleString("en-US")} of {formatCount(progress.requestedTasks, "task")} running
        {progress.pendingTasks > 0 && ` · ${progress.pendingTasks.toLocaleString("en-US")} pending`}
      </p>
      {shares && <p className="text-ink-muted">{shares}</p>}
    </div>
  );
}

/** What a deployment moves from and to: each source revision, then the target, with tasks and traffic. */
export function RevisionFlow({ sources, target }: { sources: readonly RevisionProgress[]; target?: RevisionProgress }) {
  return (
    <div className="flex flex-col gap-2 sm:flex-row sm:items-stretch">
      {sources.map((source) => (
        <RevisionBox key={source.serviceRevisionArn} role="From" progress={source} />
      ))}
      {sources.length > 0 && target && (
        <span aria-hidden="true" className="self-center text-lg text-ink-muted sm:px-1">
          <span className="sm:hidden">↓</span>
          <span className="hidden sm:inline">→</span>
        </span>
      )}
      {target && <RevisionBox role="To" progress={target} />}
    </div>
  );
}
