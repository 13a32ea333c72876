import { afterEach, describe, expect, it, vi } from "vitest";
import { awsFailure, type AwsFailure } from "@/lib/aws-errors";
import { liveReadResponse, readLive } from "./live-read";

afterEach(() => vi.restoreAllMocks());

describe("readLive and liveReadResponse", () => {
  it("answer a view with 200, even when parts of it carry their own errors", async () => {
    const view: { clusters: { name: string; error?: AwsFailure }[]; error?: AwsFailure } = { clusters: [{ name: "demo", error: awsFailure("throttled") }] };
    const response = liveReadResponse(await readLive(async () => view));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual(view);
  });

  it("answer 503 with only the failure when nothing could be read", async () => {
    const error = awsFailure("access-denied", { awsCode: "AccessDeniedException" });
    const response = liveReadResponse(await readLive(async () => ({ clusters: [], error })));
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ error });
  });

  it("answer 404 with the failure when ECS says the thing does not exist", async () => {
    const error = awsFailure("not-found", { awsCode: "ServiceNotFoundException" });
    const response = liveReadResponse(await readLive(async () => ({ error })));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error });
  });

  it("turn an unexpected exception into a failure of the closed set", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const result = await readLive(async (): Promise<{ error?: undefined }> => {
      throw Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:4510"), { code: "ECONNREFUSED" });
    });
    expect(result).toMatchObject({ ok: false, error: { code: "unreachable", detail: "connect ECONNREFUSED 127.0.0.1:4510" } });
  });
});
