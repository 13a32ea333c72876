/**
 * The closed set of ways an AWS call can fail, as a person needs to know them. The server maps
 * SDK errors onto these codes (server/aws/errors.ts); pages render them from here.
 */
export const AWS_ERROR_CODES = ["access-denied", "throttled", "not-found", "invalid-input", "unreachable", "unknown"] as const;

export type AwsErrorCode = (typeof AWS_ERROR_CODES)[number];

/** A failed AWS read or write, plain data so it can cross from a route handler to the page. */
export interface AwsFailure {
  code: AwsErrorCode;
  /** What happened and what to do about it, in words for a person. */
  message: string;
  /** AWS's own message (or the network's), when there is one. */
  detail?: string;
  /** AWS's error name, e.g. "ClusterNotFoundException". */
  awsCode?: string;
  /** AWS's request id, for a support case or CloudTrail. */
  requestId?: string;
}

export const AWS_ERROR_TEXT: Record<AwsErrorCode, { title: string; message: string }> = {
  "access-denied": {
    title: "Access denied",
    message: "AWS refused the credentials in use, or they are not allowed to do this. Check the profile and its IAM permissions.",
  },
  throttled: {
    title: "Throttled",
    message: "AWS is limiting the rate of requests right now. This usually passes within seconds; the view retries on its own.",
  },
  "not-found": {
    title: "Not found",
    message: "It does not exist, or no longer does. It may have been deleted, or live in another region or account.",
  },
  "invalid-input": {
    title: "Invalid request",
    message: "AWS rejected the request as invalid.",
  },
  unreachable: {
    title: "Unreachable",
    message: "Could not get an answer from the AWS API. Check the network and the region, or, in local mode, that local ECS is running.",
  },
  unknown: {
    title: "Unexpected error",
    message: "Something unexpected went wrong while talking to AWS.",
  },
};

export function awsFailure(code: AwsErrorCode, extra: Omit<AwsFailure, "code" | "message"> = {}): AwsFailure {
  return { code, message: AWS_ERROR_TEXT[code].message, ...extra };
}
