import { describe, expect, it } from "vitest";
import { looksRandom, maskSecretValue, secretValueKind, shannonEntropy } from "./secret-values";

/** Made-up credentials of each kind, shaped as the real ones are; none of them works anywhere. */
const GITHUB_PAT = "ghp_R8vQ2mXk7LpT4wNz9YbC1dFh6JsA3eGu5KiO";
const JWT =
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
const PEM = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7g3bQ9Zt1d0Jj7pK4yLqR2sXv8mWn5cHf6uT0a\n-----END RSA PRIVATE KEY-----";
const AWS_SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

describe("secretValueKind", () => {
  it.each([
    ["GitHub classic token", GITHUB_PAT],
    ["GitHub OAuth token", "gho_16C7e42F292c6912E7710c838347Ae178B4a"],
    ["GitHub app token", "ghs_Xz91mKp3QrT7vWb2NcY8LdF4hJs6Ae0Gu5Ki"],
    ["GitHub user-to-server token", "ghu_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8"],
    ["GitHub refresh token", "ghr_1B4a2e77838347a7E420ce178F2E7c6912E169246c"],
    ["GitHub fine-grained token", "github_pat_11ABCDEFG0123456789abc_xYzAbCdEfGhIjKlMnOpQrStUvWxYz0123456789AbCdEfGhIjKlMnOpQr"],
    ["AWS access key id", "AKIAIOSFODNN7EXAMPLE"],
    ["AWS temporary access key id", "ASIAY34FZKBOKMUTVV7A"],
    ["Slack bot token", "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx"],
    ["Slack user token", "xoxp-123456789012-123456789012-123456789012-abcdef0123456789abcdef0123456789"],
    ["Slack app token", "xoxa-2-123456789012-abcdef"],
    ["Slack legacy token", "xoxs-1234567890-abcdef"],
    ["Stripe live key", "sk_live_4eC39HqLyjWDarjtT1zdp7dc"],
    ["GitLab token", "glpat-x9Yz3AbCdEfGh1JkLmNo"],
    ["npm token", "npm_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789"],
    ["token in a header value", `Bearer ${GITHUB_PAT}`],
    ["token in a URL's query", `https://api.example.com/hook?access_token=${GITHUB_PAT}`],
  ])("reads a %s as a token", (_, value) => {
    expect(secretValueKind(value)).toBe("token");
  });

  it("reads a JWT, and a JWT with an empty signature", () => {
    expect(secretValueKind(JWT)).toBe("jwt");
    expect(secretValueKind(`Authorization: Bearer ${JWT}`)).toBe("jwt");
    expect(secretValueKind(`${JWT.split(".").slice(0, 2).join(".")}.`)).toBe("jwt");
  });

  it("needs the first part to be a JSON header with an alg", () => {
    // {"not":"jwt"}, {} and "sig": base64, so random-looking, but not a JWT.
    expect(secretValueKind("eyJub3QiOiJqd3QifQ.e30.c2ln")).not.toBe("jwt");
    expect(secretValueKind("eyes.on.it")).toBeUndefined();
  });

  it("reads PEM private keys, and not certificates or public keys", () => {
    expect(secretValueKind(PEM)).toBe("private-key");
    expect(secretValueKind("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----")).toBe("private-key");
    expect(secretValueKind("-----BEGIN PRIVATE KEY-----\\nMIIEvQ...")).toBe("private-key");
    expect(secretValueKind("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----")).toBeUndefined();
    expect(secretValueKind("-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----")).toBeUndefined();
  });

  it.each([
    ["an AWS secret access key", AWS_SECRET_KEY],
    ["a base64 key of 32 bytes", "q3Vt8ZpX1mN4bR7yLk2Wc9Hf5Tj0Ds6Ae+Gu/Ki1Oo="],
    ["a random password of 24 characters", "Zx8Qm2Lr7Tv4Nw1Ks9Hd3Jf6"],
    ["a random string after a key in a connection string", "AccountName=shop;AccountKey=Zx8Qm2Lr7Tv4Nw1Ks9Hd3Jf6Bp5Yc0Ga==;EndpointSuffix=core.windows.net"],
  ])("reads %s as random", (_, value) => {
    expect(secretValueKind(value)).toBe("random");
  });

  it.each([
    ["NODE_ENV", "production"],
    ["a log level", "info"],
    ["an empty value", ""],
    ["a number", "3600"],
    ["an image", "public.ecr.aws/slipway/web:1.5.0-rc.1"],
    ["an ECR image by digest", "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/web@sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"],
    ["a role ARN", "arn:aws:iam::123456789012:role/ecsTaskExecutionRole"],
    ["a secret's ARN", "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf"],
    ["a target group ARN", "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-blue/73e2d6bc24d8a067"],
    ["an SNS topic ARN", "arn:aws:sns:eu-west-1:123456789012:DeploymentNotifications2024"],
    ["a URL without a password", "https://sqs.us-east-1.amazonaws.com/123456789012/demo-jobs"],
    ["an S3 URL", "s3://my-bucket/Logs/2024/05/01/AppLogs"],
    ["a JDBC URL without a password", "jdbc:postgresql://db.internal:5432/shop?ApplicationName=OrderService2"],
    ["a hostname", "demo-db.cluster-c9akciq32.us-east-1.rds.amazonaws.com"],
    ["a host and port", "localhost:8080"],
    ["a UUID", "550e8400-e29b-41d4-a716-446655440000"],
    ["an upper-case UUID", "9F86D081-884C-7D65-9A2F-EAA0C55AD015"],
    ["a commit id", "a94a8fe5ccb19ba61c4c0873d391e987982fbbd3"],
    ["subnet ids", "subnet-0a1b2c3d4e5f67890,subnet-0f9e8d7c6b5a43210"],
    ["a security group id", "sg-0123456789abcdef0"],
    ["a JSON config snippet", '{"featureFlags":{"newCheckout":true,"searchV2":false},"maxItems":250,"region":"eu-west-1"}'],
    ["a file path", "/var/run/secrets/eks.amazonaws.com/serviceaccount/token"],
    ["a path with capitals and digits", "/opt/app/config/ApplicationSettings2024.Production.json"],
    ["a Windows path", "C:\\Program Files\\MyApp\\bin\\MyApp2024.exe"],
    ["JVM options", "-XX:MaxRAMPercentage=75.0 -XX:+UseG1GC -Dspring.profiles.active=prod"],
    ["a timestamp", "2024-05-01T09:30:00.000Z"],
    ["a class name", "com.example.orders.OrderService2024Application"],
    ["identifiers made of words", "ecsTaskExecutionRole2024 AWSLambdaBasicExecutionRole2023Q4 K8sNodeGroupAutoScaler2Config"],
    ["a cipher list", "ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384"],
    ["a user agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36"],
    ["an npm setting's name", "npm_config_cache"],
    ["a prefix with too short a body", "ghp_short"],
    ["a dotted name that is not a JWT", "api.demo.internal"],
    ["a repetitive string", "Aa1Aa1Aa1Aa1Aa1Aa1Aa1Aa1"],
  ])("leaves %s alone", (_, value) => {
    expect(secretValueKind(value)).toBeUndefined();
  });
});

describe("looksRandom", () => {
  it("needs 20 characters, all of lower case, upper case and digits, and no words", () => {
    expect(looksRandom("Zx8Qm2Lr7Tv4Nw1Ks9Hd")).toBe(true);
    expect(looksRandom("Zx8Qm2Lr7Tv4Nw1Ks9H")).toBe(false);
    expect(looksRandom("zx8qm2lr7tv4nw1ks9hd3jf6")).toBe(false);
    expect(looksRandom("ZxQmLrTvNwKsHdJfBpYcGa")).toBe(false);
    expect(looksRandom("HelloWorldFunction20240501T0930")).toBe(false);
  });

  it("measures entropy in bits per character", () => {
    expect(shannonEntropy("aaaa")).toBe(0);
    expect(shannonEntropy("abcd")).toBe(2);
  });
});

describe("maskSecretValue", () => {
  it("masks the whole of a value holding a credential", () => {
    expect(maskSecretValue(GITHUB_PAT, "•")).toBe("•");
    expect(maskSecretValue(`token ${JWT}`, "•")).toBe("•");
  });

  it("masks only the password of a URL, wherever the URL starts", () => {
    expect(maskSecretValue("postgres://app:hunter2@db.internal:5432/shop", "•")).toBe("postgres://app:•@db.internal:5432/shop");
    expect(maskSecretValue("jdbc:postgresql://app:hunter2@db.internal:5432/shop", "•")).toBe("jdbc:postgresql://app:•@db.internal:5432/shop");
    expect(maskSecretValue("redis://:r3d1s@cache-a:6379,redis://:r3d1s@cache-b:6379", "•")).toBe("redis://:•@cache-a:6379,redis://:•@cache-b:6379");
  });

  it("masks the whole URL when more than its password is a credential", () => {
    expect(maskSecretValue(`https://x-access-token:${GITHUB_PAT}@github.com/o/r.git`, "•")).toBe("https://x-access-token:•@github.com/o/r.git");
    expect(maskSecretValue(`https://u:p@example.com/?key=${"Zx8Qm2Lr7Tv4Nw1Ks9Hd3Jf6"}`, "•")).toBe("•");
  });

  it("has nothing to hide in an ordinary value", () => {
    expect(maskSecretValue("https://api.example.com/v1", "•")).toBeUndefined();
    expect(maskSecretValue("production", "•")).toBeUndefined();
  });

  it("reads a long value in linear time", () => {
    const started = performance.now();
    for (const filler of ["a", "e", "y", "ey.", "a:", "ghp_"]) maskSecretValue(filler.repeat(50_000), "•");
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
