import type { IncomingMessage } from "node:http";
import { AwsError } from "./aws-error";

/**
 * Reading a request's body with a size limit. Headers need no limit of ours: Node refuses
 * headers over 16 KB in all with 431, and a request that takes over 5 minutes to arrive with
 * 408 (its `maxHeaderSize` and `requestTimeout` defaults).
 */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

/**
 * Clients such as Python's http.client, and so the AWS CLI, send the whole body before reading
 * the answer: a refused body is read on and thrown away up to this many bytes in all, so that
 * they see the 413 rather than a broken connection. Past it the connection is dropped.
 */
const MAX_DRAINED_BYTES = 2 * MAX_BODY_BYTES;

export class RequestEntityTooLargeError extends AwsError {
  constructor() {
    super("RequestEntityTooLarge", `Request body is larger than the ${MAX_BODY_BYTES / (1024 * 1024)} MB that local ECS accepts.`, 413);
  }
}

/** The body as text. One over the limit is refused as soon as its length says so, and none of it is kept. */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const refuse = (received: number) => {
      req.removeAllListeners("data");
      req.removeAllListeners("end");
      drain(req, received);
      reject(new RequestEntityTooLargeError());
    };
    if (Number(req.headers["content-length"]) > MAX_BODY_BYTES) return refuse(0);
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) return refuse(size);
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function drain(req: IncomingMessage, received: number): void {
  let total = received;
  req.on("data", (chunk: Buffer) => {
    total += chunk.length;
    if (total > MAX_DRAINED_BYTES) req.socket.destroy();
  });
}
