import { FailureDetails } from "@/components/ui/failure-details";
import { Notice } from "@/components/ui/notice";
import type { AwsFailure } from "@/lib/aws-errors";
import { POLL_MS } from "./use-live-view";

/**
 * What a live view says when a read fails: with data on screen, that it is the last read and
 * stale; with none, that it could not be read. Either way, that it keeps trying.
 */
export function LiveFailure({
  failure,
  hasData,
  what,
  everyMs = POLL_MS,
}: {
  failure: AwsFailure | undefined;
  hasData: boolean;
  what: string;
  /** How often the view polls, when not every POLL_MS. */
  everyMs?: number;
}) {
  if (!failure) return null;
  return (
    <Notice tone="danger" title={hasData ? `Showing the last ${what} read: refreshing failed` : `The ${what} could not be read`} live>
      <FailureDetails failure={failure} />
      <p className="text-ink-muted">Trying again every {everyMs === 1_000 ? "second" : `${everyMs / 1000} seconds`}.</p>
    </Notice>
  );
}
