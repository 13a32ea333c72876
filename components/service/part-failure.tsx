import { FailureDetails } from "@/components/ui/failure-details";
import { Notice } from "@/components/ui/notice";
import type { AwsFailure } from "@/lib/aws-errors";

/** A part of the page AWS could not give, said where the part would be; the rest of the page stands. */
export function PartFailure({ what, error }: { what: string; error: AwsFailure }) {
  return (
    <Notice tone="danger" title={`${what} could not be read`}>
      <FailureDetails failure={error} />
    </Notice>
  );
}
