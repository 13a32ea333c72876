import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { AwsError, SerializationError, UnknownOperationError } from "./aws-error";
import { decodeJsonBody, parseTarget, writeJsonError, writeJsonResult } from "./aws-json";
import type { RequestContext, ServiceDefinition } from "./operation";
import { newRequestId } from "./request-id";

/**
 * One HTTP endpoint for every emulated service, as LocalStack does: the service is found from
 * `X-Amz-Target`, else the signing scope of the Authorization header. One `--endpoint-url`
 * therefore serves every client.
 */
export interface JsonServiceBinding {
  protocol: "json";
  /** X-Amz-Target prefix, e.g. "AmazonEC2ContainerServiceV20141113". */
  targetPrefix: string;
  /** SigV4 signing name, e.g. "ecs". */
  signingName: string;
  definition: ServiceDefinition;
}

export type ServiceBinding = JsonServiceBinding;

export interface EndpointOptions {
  accountId: string;
  defaultRegion: string;
  bindings: ServiceBinding[];
  onRequest?: (entry: { service: string; operation: string; status: number; ms: number }) => void;
}

const MAX_BODY_BYTES = 10 * 1024 * 1024;

/** `Credential=AKID/20240101/us-east-1/ecs/aws4_request` → region and service. */
export function parseSigningScope(authorization: string | undefined): { region: string; service: string } | undefined {
  const match = authorization?.match(/Credential=[^/]+\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/);
  return match ? { region: match[1], service: match[2] } : undefined;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new SerializationError("Request body is too large."));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

export function createEndpoint(options: EndpointOptions): Server {
  const byPrefix = new Map(options.bindings.map((b) => [b.targetPrefix, b]));
  const bySigningName = new Map(options.bindings.map((b) => [b.signingName, b]));

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = newRequestId();
    const started = performance.now();
    const scope = parseSigningScope(req.headers.authorization);
    const target = parseTarget(String(req.headers["x-amz-target"] ?? ""));
    const binding = (target && byPrefix.get(target.prefix)) ?? (scope && bySigningName.get(scope.service));
    let operation = target?.operation ?? "";
    let status = 200;
    try {
      if (req.method === "GET" && (req.url === "/" || req.url?.startsWith("/_slipway/health"))) {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ status: "running", services: options.bindings.map((b) => b.signingName) }));
        return;
      }
      if (req.method !== "POST") throw new AwsError("InvalidAction", "Only POST requests are accepted.", 400);
      const body = await readBody(req);
      if (!binding) {
        throw new AwsError("UnknownServiceException", "No emulated service matches this request's X-Amz-Target or signing scope.", 400);
      }
      if (!target || target.prefix !== binding.targetPrefix) {
        throw new AwsError("InvalidAction", `Missing or invalid X-Amz-Target for ${binding.definition.name}.`, 400);
      }
      operation = target.operation;
      const handler = Object.hasOwn(binding.definition.operations, operation)
        ? binding.definition.operations[operation]
        : undefined;
      if (!handler) throw new UnknownOperationError(binding.definition.name, operation);
      const ctx: RequestContext = {
        requestId,
        operation,
        accountId: options.accountId,
        region: scope?.region ?? options.defaultRegion,
      };
      binding.definition.beforeOperation?.(ctx);
      const input = decodeJsonBody(body);
      const result = await handler(ctx, input);
      writeJsonResult(res, requestId, result);
    } catch (error) {
      status = error instanceof AwsError ? error.statusCode : 500;
      if (!(error instanceof AwsError)) console.error(`[local-ecs] ${operation} failed`, error);
      writeJsonError(res, requestId, error);
    } finally {
      options.onRequest?.({ service: binding?.signingName ?? "unknown", operation, status, ms: performance.now() - started });
    }
  }

  return createServer((req, res) => {
    void handle(req, res);
  });
}
