import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "./password-hash";
import { authenticate } from "./users";

describe("authenticate", () => {
  const dir = mkdtempSync(join(tmpdir(), "slipway-users-"));
  const env = { NODE_ENV: "test", SLIPWAY_USERS_FILE: join(dir, "users.json") } as const;
  beforeAll(async () => {
    writeFileSync(env.SLIPWAY_USERS_FILE, JSON.stringify({ users: [{ username: "dana", name: "Dana Deployer", roles: ["deployer"], passwordHash: await hashPassword("dana's password") }] }));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("knows a person by their password, and nobody by a wrong one", async () => {
    expect(await authenticate("dana", "dana's password", env)).toEqual({ username: "dana", name: "Dana Deployer", roles: ["deployer"] });
    expect(await authenticate("dana", "a guess", env)).toBeUndefined();
    expect(await authenticate("nobody", "dana's password", env)).toBeUndefined();
  });

  it("does as much work for a username nobody has as for a known one, so the time tells nothing (medians within 20 %)", async () => {
    // CPU time, not wall time: it is the work done that an attacker's clock would see, and it does not depend on what else the machine runs.
    const timed = async (username: string) => {
      const started = process.cpuUsage();
      await authenticate(username, "a guess", env);
      const used = process.cpuUsage(started);
      return (used.user + used.system) / 1000;
    };
    await timed("nobody");
    const known: number[] = [];
    const unknown: number[] = [];
    // Interleaved, so a busy moment of the machine falls on both alike.
    for (let round = 0; round < 15; round++) {
      known.push(await timed("dana"));
      unknown.push(await timed(`nobody-${round}`));
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const ratio = median(unknown) / median(known);
    expect(ratio, `unknown ${median(unknown).toFixed(1)} ms, known ${median(known).toFixed(1)} ms`).toBeGreaterThan(0.8);
    expect(ratio, `unknown ${median(unknown).toFixed(1)} ms, known ${median(known).toFixed(1)} ms`).toBeLessThan(1.2);
  });
});
