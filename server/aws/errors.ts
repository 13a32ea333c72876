import "server-only";
import { awsFailure, type AwsErrorCode, type AwsFailure } from "@/lib/aws-errors";

/**
 * SDK errors → the closed set of lib/aws-errors.ts. AWS's error name decides when it is known
 * (the SDK's exception names, and ELBv2's wire codes, which it keeps for codes it has no class
 * for); then the Node network error code; then the HTTP status.
 */
const BY_NAME: Record<AwsErrorCode, readonly string[]> = {
  "access-denied": [
    "AccessDeniedException",
    "AccessDenied",
    "UnauthorizedOperation",
    "UnrecognizedClientException",
    "InvalidClientTokenId",
    "InvalidSignatureException",
    "SignatureDoesNotMatch",
    "IncompleteSignature",
    "MissingAuthenticationToken",
    "ExpiredToken",
    "ExpiredTokenException",
    "AuthFailure",
    // The SDK found no credentials, or an SSO session has expired.
    "CredentialsProviderError",
    "TokenProviderError",
  ],
  throttled: ["ThrottlingException", "Throttling", "TooManyRequestsException", "RequestLimitExceeded", "RequestThrottled", "RequestThrottledException"],
  "not-found": [
    "ClusterNotFoundException",
    "ServiceNotFoundException",
    "ServiceNotActiveException",
    "ServiceDeploymentNotFoundException",
    "TaskSetNotFoundException",
    "ResourceNotFoundException",
    "LoadBalancerNotFoundException",
    "LoadBalancerNotFound",
    "TargetGroupNotFoundException",
    "TargetGroupNotFound",
    "ListenerNotFoundException",
    "ListenerNotFound",
    "RuleNotFoundException",
    "RuleNotFound",
  ],
  "invalid-input": [
    "InvalidParameterException",
    "ClientException",
    "ValidationError",
    "ValidationException",
    "InvalidConfigurationRequestException",
    "InvalidConfigurationRequest",
    // ECS: a quota (services per cluster…), not a rate; the SDK would call it throttling.
    "LimitExceededException",
    // ECS: DeleteCluster on a cluster that is not empty.
    "ClusterContainsServicesException",
    "ClusterContainsTasksException",
    "ClusterContainsContainerInstancesException",
    "InvalidConnectionError",
  ],
  unreachable: ["TimeoutError", "RequestTimeout", "RequestTimeoutException"],
  unknown: [],
};

const CODE_BY_NAME = new Map<string, AwsErrorCode>(
  Object.entries(BY_NAME).flatMap(([code, names]) => names.map((name) => [name, code as AwsErrorCode] as const)),
);

const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);

interface ErrorShape {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  errors?: unknown;
  $fault?: unknown;
  $metadata?: { httpStatusCode?: number; requestId?: string };
}

/** Node reports a refused connection to a name with several addresses as an AggregateError. */
function networkCode(error: ErrorShape): string | undefined {
  if (typeof error.code === "string" && NETWORK_CODES.has(error.code)) return error.code;
  if (!Array.isArray(error.errors)) return undefined;
  return error.errors.map((inner: ErrorShape) => networkCode(inner ?? {})).find((code) => code !== undefined);
}

function codeByStatus(status: number | undefined, fault: unknown): AwsErrorCode {
  if (status === 429) return "throttled";
  if (status === 401 || status === 403) return "access-denied";
  if (status === 404) return "not-found";
  if (status !== undefined && status >= 500) return "unreachable";
  if ((status !== undefined && status >= 400) || fault === "client") return "invalid-input";
  return "unknown";
}

function codeOf(name: string | undefined, shape: ErrorShape): AwsErrorCode {
  const byName = name === undefined ? undefined : CODE_BY_NAME.get(name);
  if (byName) return byName;
  if (networkCode(shape)) return "unreachable";
  return codeByStatus(shape.$metadata?.httpStatusCode, shape.$fault);
}

export function toAwsFailure(error: unknown): AwsFailure {
  const shape: ErrorShape = error !== null && typeof error === "object" ? error : {};
  // A network failure's name is only "Error" or "AggregateError"; its code says what happened.
  const name = networkCode(shape) ?? (typeof shape.name === "string" && shape.name !== "Error" ? shape.name : undefined);
  const detail = typeof shape.message === "string" && shape.message ? shape.message : typeof error === "string" ? error : undefined;
  const requestId = shape.$metadata?.requestId;
  return awsFailure(codeOf(name, shape), {
    ...(detail ? { detail } : {}),
    ...(name ? { awsCode: name } : {}),
    ...(requestId ? { requestId } : {}),
  });
}

export type Settled<T> = { ok: true; value: T } | { ok: false; error: AwsFailure };

/**
 * Like Promise.allSettled, with failures turned into AwsFailures: a page runs its reads
 * (one per cluster, say) through this and renders what succeeded, with each error beside
 * its part.
 */
export async function settle<T extends readonly unknown[] | []>(reads: T): Promise<{ -readonly [K in keyof T]: Settled<Awaited<T[K]>> }> {
  const results = await Promise.allSettled(reads);
  return results.map((result) => (result.status === "fulfilled" ? { ok: true, value: result.value } : { ok: false, error: toAwsFailure(result.reason) })) as {
    -readonly [K in keyof T]: Settled<Awaited<T[K]>>;
  };
}

/**
 * The endpoint does not offer the operation at all: AWS answers UnknownOperationException where
 * a partition lacks it; other ECS-compatible endpoints answer 501, or with a body the SDK
 * cannot read as the operation's answer.
 */
export function isUnsupportedOperation(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return (
    ["UnknownOperationException", "NotImplemented", "NotImplementedException", "InvalidAction"].includes(error.name) ||
    status === 501 ||
    error.message.startsWith("Deserialization error")
  );
}
