import { FailureDetails } from "@/components/ui/failure-details";
import { Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/action-result";

/**
 * A decision's answer, announced: done; already settled by someone or something else (news,
 * not an error); or refused, with why.
 */
export function DecisionResult({
  result,
  settledTitle,
  failureTitle,
}: {
  result: ActionResult<{ alreadyDecided?: boolean; alreadyFinished?: boolean }> | undefined;
  settledTitle: string;
  failureTitle: string;
}) {
  if (!result) return null;
  if (!result.ok) {
    return (
      <Notice tone="danger" title={failureTitle} live>
        <FailureDetails failure={result.error} />
      </Notice>
    );
  }
  if (result.value.alreadyDecided || result.value.alreadyFinished) {
    return (
      <Notice tone="info" title={settledTitle} live>
        <p>{result.message}</p>
      </Notice>
    );
  }
  return <Notice tone="ok" title={result.message} live />;
}
