import { AWS_ERROR_TEXT, type AwsFailure } from "@/lib/aws-errors";

/** An AWS failure as a person needs it: what kind, what to do, and AWS's own words and request id for a support case. */
export function FailureDetails({ failure }: { failure: AwsFailure }) {
  // A network error's code is already in its message.
  const awsCode = failure.awsCode && !failure.detail?.includes(failure.awsCode) ? failure.awsCode : undefined;
  const reference = [awsCode, failure.requestId && `request ${failure.requestId}`].filter(Boolean).join(" · ");
  return (
    <>
      <p>
        <strong className="font-semibold">{AWS_ERROR_TEXT[failure.code].title}.</strong> {failure.message}
      </p>
      {failure.detail && <p className="font-mono text-xs [overflow-wrap:anywhere] text-ink-muted">{failure.detail}</p>}
      {reference && <p className="text-xs text-ink-muted">{reference}</p>}
    </>
  );
}
