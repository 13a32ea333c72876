import type { ServerResponse } from "node:http";
import { AwsError, InternalFailure, QueryCompatibleError, SerializationError } from "./aws-error";

/**
 * AWS JSON 1.0 and 1.1: `X-Amz-Target: <Prefix>.<Operation>`, a JSON body in and out, timestamps
 * as epoch seconds, errors as `{"__type": Code, "message": ...}`. The two differ only in their
 * content type.
 */
export const AWS_JSON_CONTENT_TYPE = "application/x-amz-json-1.1";
export const AWS_JSON_1_0_CONTENT_TYPE = "application/x-amz-json-1.0";

/** How a JSON service answers: its content type, and whether errors also carry their AWS Query code. */
export interface JsonDialect {
  contentType: string;
  queryCompatible?: boolean;
}

const JSON_1_1: JsonDialect = { contentType: AWS_JSON_CONTENT_TYPE };

export function parseTarget(target: string): { prefix: string; operation: string } | undefined {
  const dot = target.lastIndexOf(".");
  if (dot <= 0) return undefined;
  return { prefix: target.slice(0, dot), operation: target.slice(dot + 1) };
}

/**
 * Modelled ECS and CloudWatch inputs nest at most 8 levels; only free-form documents (a
 * lifecycle hook's hookDetails) may go deeper, and none needs this many.
 */
export const MAX_JSON_NESTING = 64;

/**
 * Refuses a body nested deeper than the limit before JSON.parse sees it: parsing millions of
 * nested brackets holds the event loop for seconds. One pass over the text, skipping strings.
 */
function checkNesting(body: string): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const char = body.charCodeAt(i);
    if (inString) {
      if (char === 0x5c) i++; // a backslash escapes the next character
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) {
      inString = true;
    } else if (char === 0x7b || char === 0x5b) {
      if (++depth > MAX_JSON_NESTING) throw new SerializationError(`Request body nests more than ${MAX_JSON_NESTING} levels deep.`);
    } else if (char === 0x7d || char === 0x5d) {
      depth--;
    }
  }
}

export function decodeJsonBody(body: string): Record<string, unknown> {
  if (body.trim() === "") return {};
  checkNesting(body);
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new SerializationError("Request body is not valid JSON.");
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new SerializationError("Request body must be a JSON object.");
  }
  return parsed as Record<string, unknown>;
}

/** Dates become fractional epoch seconds; undefined members disappear. */
export function encodeJsonValue(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1000;
  if (Array.isArray(value)) return value.map(encodeJsonValue);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value)) {
      if (member !== undefined) out[key] = encodeJsonValue(member);
    }
    return out;
  }
  return value;
}

export function writeJsonResult(res: ServerResponse, requestId: string, result: unknown, dialect: JsonDialect = JSON_1_1): void {
  const body = JSON.stringify(encodeJsonValue(result ?? {}));
  res.writeHead(200, {
    "content-type": dialect.contentType,
    "x-amzn-requestid": requestId,
    "content-length": Buffer.byteLength(body),
  });
  res.end(body);
}

export function writeJsonError(res: ServerResponse, requestId: string, error: unknown, dialect: JsonDialect = JSON_1_1): void {
  const awsError = error instanceof AwsError ? error : new InternalFailure();
  const body = JSON.stringify({ __type: awsError.code, message: awsError.message });
  const queryCode = awsError instanceof QueryCompatibleError ? awsError.queryCode : awsError.code;
  res.writeHead(awsError.statusCode, {
    "content-type": dialect.contentType,
    "x-amzn-requestid": requestId,
    "x-amzn-errortype": awsError.code,
    ...(dialect.queryCompatible ? { "x-amzn-query-error": `${queryCode};${awsError.fault}` } : {}),
    "content-length": Buffer.byteLength(body),
  });
  res.end(body);
}
