import { FailureDetails } from "@/components/ui/failure-details";
import { Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/action-result";

/** An action's answer beside the form that asked: what happened, or why not and what to do. Announced politely. */
export function ActionResultNotice({ result, failureTitle }: { result: ActionResult<unknown> | undefined; failureTitle: string }) {
  if (!result) return null;
  if (result.ok) return <Notice tone="ok" title={result.message} live />;
  return (
    <Notice tone="danger" title={failureTitle} live>
      <FailureDetails failure={result.error} />
    </Notice>
  );
}
