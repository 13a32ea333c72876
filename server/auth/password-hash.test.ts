import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password-hash";

describe("password hashes", () => {
  it("verifies the password it hashed, and no other", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(await verifyPassword("correct horse battery staple", hash)).toBe(true);
    expect(await verifyPassword("correct horse battery stapler", hash)).toBe(false);
  });

  it("salts each hash, so equal passwords do not look equal", async () => {
    expect(await hashPassword("same")).not.toBe(await hashPassword("same"));
  });

  it("refuses what is not one of its hashes instead of throwing", async () => {
    for (const stored of ["", "plain-text", "scrypt$x$8$1$a$b", "bcrypt$2b$10$abc", "scrypt$16384$8$1$c2FsdA$c2hvcnQ"]) {
      expect(await verifyPassword("anything", stored)).toBe(false);
    }
  });
});
