import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { AwsError, UnknownOperationError } from "./aws-error";
import { AWS_JSON_1_0_CONTENT_TYPE, AWS_JSON_CONTENT_TYPE, decodeJsonBody, parseTarget, writeJsonError, writeJsonResult, type JsonDialect } from "./aws-json";
import { checkQueryVersion, decodeQueryRequest, isFormEncoded, writeQueryError, writeQueryResult } from "./aws-query";
import { normaliseAllowedHosts, refuseBrowserAttacks } from "./browser-guards";
import type { RequestContext, ServiceDefinition } from "./operation";
import { readBody } from "./request-body";
import { newRequestId } from "./request-id";

/**
 * One HTTP endpoint for every emulated service, as LocalStack does: a JSON service is found from
 * `X-Amz-Target`, a Query service from the signing scope of the Authorization header or else the
 * form body's `Action`. One `--endpoint-url` therefore serves every client.
 */
export interface JsonServiceBinding {
  protocol: "json";
  /** X-Amz-Target prefix, e.g. "AmazonEC2ContainerServiceV20141113". */
  targetPrefix: string;
  /** SigV4 signing name, e.g. "ecs". */
  signingName: string;
  /** AWS JSON 1.1 (the default, ECS) or 1.0 (CloudWatch). */
  jsonVersion?: "1.0" | "1.1";
  /** Errors also carry their AWS Query code in `x-amzn-query-error` (services that moved from Query to JSON). */
  queryCompatible?: boolean;
  definition: ServiceDefinition;
}

export interface QueryServiceBinding {
  protocol: "query";
  /** SigV4 signing name, e.g. "elasticloadbalancing". */
  signingName: string;
  /** The `Version` parameter requests must carry, e.g. "2015-12-01". */
  version: string;
  /** xmlns of every response, e.g. "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/". */
  xmlNamespace: string;
  definition: ServiceDefinition;
}

export type ServiceBinding = JsonServiceBinding | QueryServiceBinding;

export interface EndpointOptions {
  accountId: string;
  defaultRegion: string;
  bindings: ServiceBinding[];
  /** Host names answered besides localhost, `*.localhost` and IP addresses (see browser-guards.ts). */
  allowedHosts?: readonly string[];
  onRequest?: (entry: { service: string; operation: string; status: number; ms: number }) => void;
}

/** `Credential=AKID/20240101/us-east-1/ecs/aws4_request` → region and service. */
export function parseSigningScope(authorization: string | undefined): { region: string; service: string } | undefined {
  const match = authorization?.match(/Credential=[^/]+\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/);
  return match ? { region: match[1], service: match[2] } : undefined;
}

/** What one request turned out to be; filled in as routing learns more, read by logging and errors. */
interface Exchange {
  requestId: string;
  region: string;
  protocol: "json" | "query";
  binding?: ServiceBinding;
  operation: string;
  status: number;
}

async function invoke(definition: ServiceDefinition, ctx: RequestContext, decodeInput: () => unknown): Promise<unknown> {
  const handler = Object.hasOwn(definition.operations, ctx.operation) ? definition.operations[ctx.operation] : undefined;
  if (!handler) throw new UnknownOperationError(definition.name, ctx.operation);
  await definition.beforeOperation?.(ctx);
  return handler(ctx, decodeInput());
}

function dialectOf(binding: ServiceBinding | undefined): JsonDialect {
  if (binding?.protocol !== "json") return { contentType: AWS_JSON_CONTENT_TYPE };
  return { contentType: binding.jsonVersion === "1.0" ? AWS_JSON_1_0_CONTENT_TYPE : AWS_JSON_CONTENT_TYPE, queryCompatible: binding.queryCompatible };
}

function unknownService(): AwsError {
  return new AwsError("UnknownServiceException", "No emulated service matches this request's X-Amz-Target, signing scope or Action.", 400);
}

export function createEndpoint(options: EndpointOptions): Server {
  const queryBindings = options.bindings.filter((b): b is QueryServiceBinding => b.protocol === "query");
  const byPrefix = new Map(options.bindings.flatMap((b) => (b.protocol === "json" ? [[b.targetPrefix, b] as const] : [])));
  const bySigningName = new Map(options.bindings.map((b) => [b.signingName, b]));
  const allowedHosts = normaliseAllowedHosts(options.allowedHosts ?? []);

  /** Query requests carry no X-Amz-Target and are forms or signed for a Query service. */
  function isQueryRequest(req: IncomingMessage, signedFor: ServiceBinding | undefined): boolean {
    if (queryBindings.length === 0 || req.headers["x-amz-target"] !== undefined) return false;
    if (signedFor) return signedFor.protocol === "query";
    return isFormEncoded(req.headers["content-type"]);
  }

  /** By signing scope; else the one Query service implementing `action`; else the only one. */
  function queryBindingFor(signedFor: ServiceBinding | undefined, action?: string): QueryServiceBinding | undefined {
    if (signedFor?.protocol === "query") return signedFor;
    const implementing = queryBindings.filter((b) => action !== undefined && Object.hasOwn(b.definition.operations, action));
    if (implementing.length === 1) return implementing[0];
    return queryBindings.length === 1 ? queryBindings[0] : undefined;
  }

  function contextFor(exchange: Exchange): RequestContext {
    return { requestId: exchange.requestId, operation: exchange.operation, accountId: options.accountId, region: exchange.region };
  }

  async function serveJson(req: IncomingMessage, res: ServerResponse, exchange: Exchange, signedFor: ServiceBinding | undefined): Promise<void> {
    const target = parseTarget(String(req.headers["x-amz-target"] ?? ""));
    const binding = (target && byPrefix.get(target.prefix)) ?? signedFor;
    exchange.binding = binding;
    exchange.operation = target?.operation ?? "";
    const body = await readBody(req);
    if (!binding) throw unknownService();
    if (binding.protocol !== "json" || !target || target.prefix !== binding.targetPrefix) {
      throw new AwsError("InvalidAction", `Missing or invalid X-Amz-Target for ${binding.definition.name}.`, 400);
    }
    const result = await invoke(binding.definition, contextFor(exchange), () => decodeJsonBody(body));
    writeJsonResult(res, exchange.requestId, result, dialectOf(binding));
  }

  async function serveQuery(req: IncomingMessage, res: ServerResponse, exchange: Exchange, signedFor: ServiceBinding | undefined): Promise<void> {
    const request = decodeQueryRequest(await readBody(req));
    exchange.operation = request.action;
    const binding = queryBindingFor(signedFor, request.action);
    exchange.binding = binding;
    if (!binding) throw unknownService();
    checkQueryVersion(request, binding.version);
    const result = await invoke(binding.definition, contextFor(exchange), () => request.input);
    writeQueryResult(res, exchange.requestId, { operation: request.action, xmlNamespace: binding.xmlNamespace, result });
  }

  function writeError(res: ServerResponse, exchange: Exchange, error: unknown): void {
    if (exchange.protocol === "json") return writeJsonError(res, exchange.requestId, error, dialectOf(exchange.binding));
    const namespace = exchange.binding?.protocol === "query" ? exchange.binding.xmlNamespace : undefined;
    writeQueryError(res, exchange.requestId, namespace, error);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const scope = parseSigningScope(req.headers.authorization);
    const region = scope?.region ?? options.defaultRegion;
    const exchange: Exchange = { requestId: newRequestId(), region, protocol: "json", operation: "", status: 200 };
    const signedFor = scope && bySigningName.get(scope.service);
    try {
      if (isQueryRequest(req, signedFor)) {
        exchange.protocol = "query";
        // Known before the body is read, so that even a refused or malformed request gets the service's namespace.
        exchange.binding = queryBindingFor(signedFor);
      }
      refuseBrowserAttacks(req.headers, allowedHosts);
      if (req.method === "GET" && (req.url === "/" || req.url?.startsWith("/_slipway/health"))) {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ status: "running", services: options.bindings.map((b) => b.signingName) }));
        return;
      }
      if (req.method !== "POST") throw new AwsError("InvalidAction", "Only POST requests are accepted.", 400);
      if (exchange.protocol === "query") {
        await serveQuery(req, res, exchange, signedFor);
      } else {
        await serveJson(req, res, exchange, signedFor);
      }
    } catch (error) {
      exchange.status = error instanceof AwsError ? error.statusCode : 500;
      if (!(error instanceof AwsError)) console.error(`[local-ecs] ${exchange.operation} failed`, error);
      writeError(res, exchange, error);
    } finally {
      options.onRequest?.({ service: exchange.binding?.signingName ?? "unknown", operation: exchange.operation, status: exchange.status, ms: performance.now() - started });
    }
  }

  return createServer((req, res) => {
    void handle(req, res);
  });
}
