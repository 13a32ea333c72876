import { describe, expect, it } from "vitest";
import { MASK, maskEnvironment, maskSecrets, secretSource } from "./mask";

const environment = [
  { name: "LOG_LEVEL", value: "info" },
  { name: "SESSION_SECRET", value: "s3ss10n-v4lue" },
  { name: "DATABASE_URL", value: "postgres://app:hunter2@db.internal:5432/shop?sslmode=require" },
  { name: "API_URL", value: "http://api.demo.internal:9000" },
];

describe("maskEnvironment", () => {
  it("hides the values of secret-looking names and the passwords inside URLs", () => {
    expect(maskEnvironment(environment, false)).toEqual([
      { name: "LOG_LEVEL", value: "info", masked: false },
      { name: "SESSION_SECRET", value: MASK, masked: true },
      { name: "DATABASE_URL", value: `postgres://app:${MASK}@db.internal:5432/shop?sslmode=require`, masked: true },
      { name: "API_URL", value: "http://api.demo.internal:9000", masked: false },
    ]);
  });

  it("leaves nothing of a hidden value behind", () => {
    const shown = JSON.stringify(maskEnvironment(environment, false));
    expect(shown).not.toContain("s3ss10n-v4lue");
    expect(shown).not.toContain("hunter2");
  });

  it("shows everything, in order, to those who may see secrets", () => {
    expect(maskEnvironment(environment, true)).toEqual(environment.map((entry) => ({ ...entry, masked: false })));
  });

  it("hides values that look like credentials whatever their name, as GITHUB_PAT=ghp_…", () => {
    const pat = "ghp_R8vQ2mXk7LpT4wNz9YbC1dFh6JsA3eGu5KiO";
    const byValue = [
      { name: "GITHUB_PAT", value: pat },
      { name: "UPSTREAM", value: "https://deploy:s3cr3t@git.internal/shop.git" },
      { name: "IMAGE", value: "public.ecr.aws/slipway/web:1.5.0" },
      { name: "REQUEST_ID", value: "550e8400-e29b-41d4-a716-446655440000" },
    ];
    expect(maskEnvironment(byValue, false)).toEqual([
      { name: "GITHUB_PAT", value: MASK, masked: true },
      { name: "UPSTREAM", value: `https://deploy:${MASK}@git.internal/shop.git`, masked: true },
      { name: "IMAGE", value: "public.ecr.aws/slipway/web:1.5.0", masked: false },
      { name: "REQUEST_ID", value: "550e8400-e29b-41d4-a716-446655440000", masked: false },
    ]);
    expect(JSON.stringify(maskEnvironment(byValue, false))).not.toMatch(/ghp_|s3cr3t/);
    expect(maskEnvironment(byValue, true)[0]).toEqual({ name: "GITHUB_PAT", value: pat, masked: false });
  });

  it("takes ECS's optional fields as empty", () => {
    expect(maskEnvironment([{ name: "EMPTY" }, {}], false)).toEqual([
      { name: "EMPTY", value: "", masked: false },
      { name: "", value: "", masked: false },
    ]);
  });
});

describe("secretSource", () => {
  it("reads a Secrets Manager ARN down to the secret's name, and the JSON key it picks", () => {
    expect(secretSource("arn:aws:secretsmanager:us-east-1:000000000000:secret:demo/db-password-AbCdEf")).toEqual({
      store: "secrets-manager",
      name: "demo/db-password-AbCdEf",
    });
    expect(secretSource("arn:aws:secretsmanager:us-east-1:000000000000:secret:demo/db-AbCdEf:password::")).toEqual({
      store: "secrets-manager",
      name: "demo/db-AbCdEf (password)",
    });
  });

  it("reads a Parameter Store ARN or a parameter's bare name", () => {
    expect(secretSource("arn:aws:ssm:us-east-1:000000000000:parameter/prod/db/password")).toEqual({ store: "ssm", name: "/prod/db/password" });
    expect(secretSource("db-password")).toEqual({ store: "ssm", name: "db-password" });
  });
});

describe("maskSecrets", () => {
  const secrets = [{ name: "DATABASE_PASSWORD", valueFrom: "arn:aws:secretsmanager:us-east-1:000000000000:secret:demo/db-password-AbCdEf" }];

  it("says only which store a secret comes from when the viewer may not see secrets", () => {
    const masked = maskSecrets(secrets, false);
    expect(masked).toEqual([{ name: "DATABASE_PASSWORD", store: "secrets-manager", source: MASK, masked: true }]);
    expect(JSON.stringify(masked)).not.toContain("db-password");
  });

  it("names the secret and keeps its ARN for those who may", () => {
    expect(maskSecrets(secrets, true)).toEqual([
      { name: "DATABASE_PASSWORD", store: "secrets-manager", source: "demo/db-password-AbCdEf", valueFrom: secrets[0].valueFrom, masked: false },
    ]);
  });
});
