import type { ServerResponse } from "node:http";
import { AwsError, InternalFailure } from "./aws-error";
import { decodeQueryParams, InvalidQueryParameterError, parseFormPairs, type QueryStruct } from "./query-params";
import { escapeXml, xmlElement } from "./xml";

/**
 * AWS Query (ELBv2, IAM, STS...): a form-encoded `Action=<Op>&Version=<date>&...` body in, XML
 * out (`<OpResponse><OpResult>…`), errors as `<ErrorResponse>`. Knows nothing of any service.
 */
export const QUERY_CONTENT_TYPE = "application/x-www-form-urlencoded";
export const QUERY_RESPONSE_CONTENT_TYPE = "text/xml";

export interface QueryRequest {
  action: string;
  /** The API version the client asked for; the endpoint checks it against the binding's. */
  version: string | undefined;
  /** Every parameter but Action and Version, nested; leaves are strings. */
  input: QueryStruct;
}

export class MissingActionError extends AwsError {
  constructor() {
    super("MissingAction", "The request must contain the parameter Action.", 400);
  }
}

/** AWS looks operations up per API version, so a wrong Version reads as an unknown action. */
export class UnsupportedVersionError extends AwsError {
  constructor(action: string, version: string | undefined) {
    super("InvalidAction", `Could not find operation ${action} for version ${version ?? "(none given)"}.`, 400);
  }
}

/** True for `application/x-www-form-urlencoded`, with or without parameters such as charset. */
export function isFormEncoded(contentType: string | undefined): boolean {
  return contentType?.split(";")[0].trim().toLowerCase() === QUERY_CONTENT_TYPE;
}

/** Form body → Action, Version and the nested input. Malformed bodies throw a 400 AwsError. */
export function decodeQueryRequest(body: string): QueryRequest {
  const pairs = parseFormPairs(body);
  const single = (name: string): string | undefined => {
    const values = pairs.filter(([key]) => key === name).map(([, value]) => value);
    if (values.length > 1) throw new InvalidQueryParameterError(`Parameter ${name} is given more than once.`);
    return values[0];
  };
  const action = single("Action");
  const version = single("Version");
  if (!action) throw new MissingActionError();
  const input = decodeQueryParams(pairs.filter(([key]) => key !== "Action" && key !== "Version"));
  return { action, version, input };
}

export function checkQueryVersion(request: QueryRequest, expected: string): void {
  if (request.version !== expected) throw new UnsupportedVersionError(request.action, request.version);
}

function namespaceAttribute(xmlNamespace: string | undefined): string {
  return xmlNamespace === undefined ? "" : ` xmlns="${escapeXml(xmlNamespace)}"`;
}

export function encodeQueryResult(operation: string, xmlNamespace: string, requestId: string, result: unknown): string {
  return (
    `<${operation}Response${namespaceAttribute(xmlNamespace)}>` +
    xmlElement(`${operation}Result`, result ?? {}) +
    `<ResponseMetadata><RequestId>${escapeXml(requestId)}</RequestId></ResponseMetadata>` +
    `</${operation}Response>`
  );
}

/** `xmlNamespace` is undefined only when no service could be identified. */
export function encodeQueryError(xmlNamespace: string | undefined, requestId: string, error: AwsError): string {
  return (
    `<ErrorResponse${namespaceAttribute(xmlNamespace)}><Error>` +
    `<Type>${error.fault}</Type><Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message>` +
    `</Error><RequestId>${escapeXml(requestId)}</RequestId></ErrorResponse>`
  );
}

function writeXml(res: ServerResponse, status: number, requestId: string, body: string): void {
  res.writeHead(status, {
    "content-type": QUERY_RESPONSE_CONTENT_TYPE,
    "x-amzn-requestid": requestId,
    "content-length": Buffer.byteLength(body),
  });
  res.end(body);
}

export function writeQueryResult(
  res: ServerResponse,
  requestId: string,
  reply: { operation: string; xmlNamespace: string; result: unknown },
): void {
  writeXml(res, 200, requestId, encodeQueryResult(reply.operation, reply.xmlNamespace, requestId, reply.result));
}

export function writeQueryError(res: ServerResponse, requestId: string, xmlNamespace: string | undefined, error: unknown): void {
  const awsError = error instanceof AwsError ? error : new InternalFailure();
  writeXml(res, awsError.statusCode, requestId, encodeQueryError(xmlNamespace, requestId, awsError));
}
