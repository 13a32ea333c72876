import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { cookies } from "next/headers";
import { cachedConnectionCount, destroyClients, ecsClient } from "./clients";
import { connectionCookieValue, CONNECTION_COOKIE, currentConnection, parseConnectionCookie } from "./current-connection";
import { isKnownConnection } from "./known-connections";

/** Shared config files with a profile in a region the picker does not list, so only the files make it known. */
const dir = mkdtempSync(join(tmpdir(), "slipway-known-connections-"));
writeFileSync(join(dir, "config"), "[default]\nregion = eu-west-1\n\n[profile gov]\nregion = us-gov-west-1\n");
writeFileSync(join(dir, "credentials"), "[ci]\naws_access_key_id = AKIAEXAMPLE\naws_secret_access_key = secret\n");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeEach(() => {
  vi.stubEnv("AWS_CONFIG_FILE", join(dir, "config"));
  vi.stubEnv("AWS_SHARED_CREDENTIALS_FILE", join(dir, "credentials"));
  vi.stubEnv("AWS_REGION", "us-west-2");
  vi.stubEnv("AWS_DEFAULT_REGION", undefined);
  // Clients for real AWS are built without a request: none is sent here.
  vi.stubEnv("SLIPWAY_TARGET", "aws");
  destroyClients();
});
afterEach(() => {
  vi.unstubAllEnvs();
  destroyClients();
});

/** "xx-a-1", "xx-b-1"… : a different region-shaped name for each number. */
function madeUpRegion(index: number): string {
  const letters = [...index.toString(26)].map((digit) => String.fromCharCode(97 + parseInt(digit, 26))).join("");
  return `xx-${letters}-1`;
}

async function withCookie(value: string | undefined) {
  if (value !== undefined) (await cookies()).set(CONNECTION_COOKIE, value);
  return currentConnection();
}

describe("isKnownConnection", () => {
  it("knows the regions ECS runs in, the default region, and the regions of the profiles", async () => {
    expect(await isKnownConnection({ region: "eu-north-1" })).toBe(true);
    expect(await isKnownConnection({ region: "us-gov-west-1" })).toBe(true);
    expect(await isKnownConnection({ region: "mars-east-1" })).toBe(false);
    vi.stubEnv("AWS_REGION", "eu-isoe-west-1");
    expect(await isKnownConnection({ region: "eu-isoe-west-1" })).toBe(true);
  });

  it("knows the profiles of both files, and no other", async () => {
    expect(await isKnownConnection({ region: "us-east-1", profile: "gov" })).toBe(true);
    expect(await isKnownConnection({ region: "us-east-1", profile: "ci" })).toBe(true);
    expect(await isKnownConnection({ region: "us-east-1", profile: "staging" })).toBe(false);
  });

  it("knows no profile when the files cannot be read", async () => {
    vi.stubEnv("AWS_CONFIG_FILE", join(dir, "missing"));
    vi.stubEnv("AWS_SHARED_CREDENTIALS_FILE", join(dir, "missing-too"));
    expect(await isKnownConnection({ region: "us-east-1", profile: "gov" })).toBe(false);
    expect(await isKnownConnection({ region: "us-east-1" })).toBe(true);
  });
});

describe("currentConnection", () => {
  it("takes a choice of a region and profile that exist", async () => {
    expect(await withCookie(connectionCookieValue({ region: "eu-central-1" }))).toEqual({ region: "eu-central-1" });
    expect(await withCookie(connectionCookieValue({ region: "us-gov-west-1", profile: "gov" }))).toEqual({ region: "us-gov-west-1", profile: "gov" });
  });

  it("treats an unknown region or profile as no choice, falling back to the default", async () => {
    expect(await withCookie(undefined)).toEqual({ region: "us-west-2" });
    expect(await withCookie(connectionCookieValue({ region: "xx-fake-9" }))).toEqual({ region: "us-west-2" });
    expect(await withCookie(connectionCookieValue({ region: "us-east-1", profile: "nobody" }))).toEqual({ region: "us-west-2" });
    expect(await withCookie("not json")).toEqual({ region: "us-west-2" });
  });

  it("builds no clients for 3,000 made-up region-shaped values", async () => {
    ecsClient(await withCookie(undefined));
    expect(cachedConnectionCount()).toBe(1);
    const regions = new Set<string>();
    for (let index = 0; index < 3_000; index++) {
      const cookie = connectionCookieValue({ region: madeUpRegion(index) });
      // Each passes the shape check: only knowing the regions that exist keeps it out.
      expect(parseConnectionCookie(cookie)).toBeDefined();
      regions.add(madeUpRegion(index));
      const connection = await withCookie(cookie);
      expect(connection).toEqual({ region: "us-west-2" });
      ecsClient(connection);
    }
    expect(regions.size).toBe(3_000);
    expect(cachedConnectionCount()).toBe(1);
  });
});
