import "server-only";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * Test support: a loopback proxy in front of local ECS that lets a test fail one ECS call the
 * way AWS would (an IAM denial, say), or change the account between two calls of a page (a
 * cluster deleted mid-read). Everything else passes through untouched.
 */
export interface EcsCall {
  operation: string;
  input: Record<string, unknown>;
}

export interface ProxyRules {
  /** An AWS JSON error to answer with instead of forwarding, e.g. { status: 400, type: "AccessDeniedException", message }. */
  refuse?(call: EcsCall): { status: number; type: string; message: string } | undefined;
  /** Runs after local ECS answered and before the answer is passed on. */
  afterAnswer?(call: EcsCall): Promise<void>;
}

export interface EcsProxy {
  endpoint: string;
  close(): Promise<void>;
}

async function bodyOf(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** ECS speaks AWS JSON 1.1, naming the operation in X-Amz-Target; ELBv2 calls (Query protocol) are not ECS calls. */
function ecsCall(request: IncomingMessage, body: Buffer): EcsCall | undefined {
  const target = request.headers["x-amz-target"];
  if (typeof target !== "string") return undefined;
  return { operation: target.slice(target.indexOf(".") + 1), input: JSON.parse(body.toString("utf8") || "{}") as Record<string, unknown> };
}

const HOP_BY_HOP = new Set(["host", "connection", "content-length", "transfer-encoding", "keep-alive"]);

export async function startEcsProxy(upstream: string, rules: ProxyRules): Promise<EcsProxy> {
  const server = createServer((request, response) => {
    void (async () => {
      const body = await bodyOf(request);
      const call = ecsCall(request, body);
      const refusal = call && rules.refuse?.(call);
      if (refusal) {
        response.writeHead(refusal.status, { "content-type": "application/x-amz-json-1.1" });
        response.end(JSON.stringify({ __type: refusal.type, message: refusal.message }));
        return;
      }
      const headers = Object.entries(request.headers).flatMap(([name, value]) =>
        HOP_BY_HOP.has(name) || value === undefined ? [] : [[name, Array.isArray(value) ? value.join(", ") : value] as [string, string]],
      );
      const answer = await fetch(new URL(request.url ?? "/", upstream), { method: request.method, headers, body: body.length > 0 ? new Uint8Array(body) : undefined });
      const answerBody = Buffer.from(await answer.arrayBuffer());
      if (call) await rules.afterAnswer?.(call);
      response.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "application/octet-stream" });
      response.end(answerBody);
    })().catch((error: unknown) => {
      response.writeHead(502);
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // The SDK keeps its sockets open; they would hold the server open.
        server.closeAllConnections();
      }),
  };
}
