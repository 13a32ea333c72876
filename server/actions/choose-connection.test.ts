import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { currentConnection } from "@/server/aws/current-connection";
import { listProfiles } from "@/server/aws/profiles";
import { chooseConnection } from "./choose-connection";

/** Shared config files of a person with three profiles, one of them only in the credentials file. */
describe("choosing the region and profile", () => {
  const dir = mkdtempSync(join(tmpdir(), "slipway-profiles-"));
  beforeAll(() => {
    writeFileSync(join(dir, "config"), "[default]\nregion = eu-west-1\n\n[profile prod]\nregion = us-east-2\nrole_arn = arn:aws:iam::123456789012:role/ops\nsource_profile = default\n");
    writeFileSync(join(dir, "credentials"), "[default]\naws_access_key_id = AKIAEXAMPLE\naws_secret_access_key = secret\n\n[ci]\naws_access_key_id = AKIACI\naws_secret_access_key = secret2\n");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  afterEach(() => vi.unstubAllEnvs());

  function useFiles(): void {
    vi.stubEnv("AWS_CONFIG_FILE", join(dir, "config"));
    vi.stubEnv("AWS_SHARED_CREDENTIALS_FILE", join(dir, "credentials"));
    vi.stubEnv("AWS_REGION", "us-west-2");
  }

  it("lists the profiles of both files, default first, with their regions and no keys", async () => {
    useFiles();
    const profiles = await listProfiles();
    expect(profiles).toEqual([{ name: "default", region: "eu-west-1" }, { name: "ci" }, { name: "prod", region: "us-east-2" }]);
    expect(JSON.stringify(profiles)).not.toMatch(/AKIA|secret|role_arn/);
  });

  it("remembers the choice for this browser, so reads go through it", async () => {
    useFiles();
    expect(await currentConnection()).toEqual({ region: "us-west-2" });
    const result = await chooseConnection({ region: "us-east-2", profile: "prod" });
    expect(result).toEqual({ ok: true, message: "Now showing us-east-2 · prod.", value: { region: "us-east-2", profile: "prod" } });
    expect(await currentConnection()).toEqual({ region: "us-east-2", profile: "prod" });
  });

  it("takes an empty profile as the default chain", async () => {
    useFiles();
    expect(await chooseConnection({ region: "eu-north-1", profile: "" })).toMatchObject({ ok: true, value: { region: "eu-north-1" } });
    expect(await currentConnection()).toEqual({ region: "eu-north-1" });
  });

  it("refuses a profile the files do not have, and a region that is not one, at their fields", async () => {
    useFiles();
    expect(await chooseConnection({ region: "us-east-1", profile: "staging" })).toMatchObject({
      ok: false,
      fieldErrors: { profile: "There is no profile named staging in the shared config files." },
    });
    expect(await chooseConnection({ region: "mars-1", profile: "" })).toMatchObject({ ok: false, fieldErrors: { region: "Pick a region, such as us-east-1." } });
    expect(await chooseConnection({ region: "xx-fake-9", profile: "" })).toMatchObject({
      ok: false,
      fieldErrors: { region: "Slipway does not know a region named xx-fake-9. Pick one from the list." },
    });
    expect(await currentConnection()).toEqual({ region: "us-west-2" });
  });
});
