import { describe, expect, it } from "vitest";
import { isSecretName, nameWords } from "./secret-names";

describe("nameWords", () => {
  it("splits snake, kebab, dotted and camel case names into upper-case words", () => {
    expect(nameWords("DATABASE_PASSWORD")).toEqual(["DATABASE", "PASSWORD"]);
    expect(nameWords("x-auth-token")).toEqual(["X", "AUTH", "TOKEN"]);
    expect(nameWords("spring.datasource.password")).toEqual(["SPRING", "DATASOURCE", "PASSWORD"]);
    expect(nameWords("dbPassword")).toEqual(["DB", "PASSWORD"]);
    expect(nameWords("APIKey")).toEqual(["API", "KEY"]);
    expect(nameWords("s3AccessKey2")).toEqual(["S3", "ACCESS", "KEY2"]);
  });
});

describe("isSecretName", () => {
  it.each([
    "PASSWORD",
    "DATABASE_PASSWORD",
    "db_passwd",
    "SMTP_PASS",
    "DB_PWD",
    "GPG_PASSPHRASE",
    "SESSION_SECRET",
    "NEXTAUTH_SECRET",
    "clientSecret",
    "OAUTH_CLIENTSECRET",
    "GITHUB_TOKEN",
    "AWS_SESSION_TOKEN",
    "x-auth-token",
    "githubToken",
    "API_KEY",
    "STRIPE_APIKEY",
    "apiKey",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_ACCESS_KEY_ID",
    "JWT_PRIVATE_KEY",
    "SIGNING_KEY",
    "SECRET_KEY_BASE",
    "GOOGLE_APPLICATION_CREDENTIALS",
    "DOCKER_CREDS",
    "BASIC_AUTH",
    "PROXY_AUTHORIZATION",
    "SENTRY_DSN",
    "DATABASE_CONNECTION_STRING",
    "AzureWebJobsStorage_ConnectionString",
    "MONGO_CONN_STRING",
  ])("%s is secret", (name) => {
    expect(isSecretName(name)).toBe(true);
  });

  it.each([
    "KEYBOARD_LAYOUT",
    "TOKENIZER_MODEL",
    "CACHE_KEY",
    "PARTITION_KEY",
    "PUBLIC_KEY_ID",
    "DATABASE_HOST",
    "DATABASE_NAME",
    "LOG_LEVEL",
    "NODE_ENV",
    "API_URL",
    "PWD",
    "PASSWORD_MIN_LENGTH",
    "MAX_TOKENS",
    "TOKEN_TTL",
    "SECRET_ARN",
    "DB_PASSWORD_FILE",
    "AUTH_URL",
    "NEXTAUTH_URL",
    "AUTH_ENABLED",
    "OAUTH_ISSUER",
    "SECRETARY_EMAIL",
    "AUTHOR",
    "",
  ])("%s is not secret", (name) => {
    expect(isSecretName(name)).toBe(false);
  });
});
