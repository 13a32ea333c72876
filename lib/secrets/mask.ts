import type { KeyValuePair, Secret } from "@aws-sdk/client-ecs";
import { parseArn } from "@/lib/arn";
import { isSecretName } from "./secret-names";
import { maskSecretValue } from "./secret-values";

/**
 * A container's environment and secrets as a person may see them. Masking happens on the
 * server, before anything is sent: a masked value never reaches the browser.
 */
export const MASK = "••••••";

export interface EnvironmentEntry {
  name: string;
  /** The value, or MASK (a URL keeps everything but its password) when the viewer may not see it. */
  value: string;
  masked: boolean;
}

export type SecretStore = "secrets-manager" | "ssm";

export interface SecretEntry {
  /** The environment variable the container gets. */
  name: string;
  store: SecretStore;
  /** Where the value comes from: the secret's or parameter's name, or MASK. */
  source: string;
  /** The full valueFrom, only for those who may see secrets. */
  valueFrom?: string;
  masked: boolean;
}

function maskedValue(name: string, value: string): string | undefined {
  if (isSecretName(name)) return MASK;
  return maskSecretValue(value, MASK);
}

/**
 * Values of secret-looking names, values that look like credentials whatever their name
 * (GITHUB_PAT=ghp_…), and passwords inside URLs (DATABASE_URL=postgres://app:…@db), masked
 * unless the viewer may see secrets.
 */
export function maskEnvironment(environment: readonly KeyValuePair[], canSeeSecrets: boolean): EnvironmentEntry[] {
  return environment.map(({ name = "", value = "" }) => {
    const masked = canSeeSecrets ? undefined : maskedValue(name, value);
    return masked === undefined ? { name, value, masked: false } : { name, value: masked, masked: true };
  });
}

/**
 * Secrets Manager ("arn:…:secret:db-password-AbCdEf", perhaps with ":json-key:stage:version")
 * or Systems Manager Parameter Store ("arn:…:parameter/prod/db", or a parameter's bare name in
 * the same region).
 */
export function secretSource(valueFrom: string): { store: SecretStore; name: string } {
  const arn = parseArn(valueFrom);
  if (arn?.service === "secretsmanager") {
    const [, name = arn.resource, jsonKey] = arn.resource.split(":");
    return { store: "secrets-manager", name: jsonKey ? `${name} (${jsonKey})` : name };
  }
  if (arn?.service === "ssm") return { store: "ssm", name: arn.resource.replace(/^parameter(?=\/)/, "") };
  return { store: "ssm", name: valueFrom };
}

/** Which store each secret comes from; its name and ARN only for those who may see secrets. */
export function maskSecrets(secrets: readonly Secret[], canSeeSecrets: boolean): SecretEntry[] {
  return secrets.map(({ name = "", valueFrom = "" }) => {
    const { store, name: source } = secretSource(valueFrom);
    return canSeeSecrets ? { name, store, source, valueFrom, masked: false } : { name, store, source: MASK, masked: true };
  });
}
