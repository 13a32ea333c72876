import "server-only";
import { loadSharedConfigFiles } from "@smithy/core/config";
import type { ProfileChoice } from "@/lib/connection-choice";

/**
 * The named profiles of the shared config and credentials files (~/.aws/config and
 * ~/.aws/credentials, or AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE), read with the SDK's
 * own loader so the picker offers exactly what the SDK would accept. Only names and regions
 * leave this module: never a key.
 */
export async function listProfiles(): Promise<ProfileChoice[]> {
  const { configFile, credentialsFile } = await loadSharedConfigFiles({ ignoreCache: true });
  const names = new Set([...Object.keys(configFile), ...Object.keys(credentialsFile)]);
  return [...names]
    .sort((a, b) => (a === "default" ? -1 : b === "default" ? 1 : a.localeCompare(b)))
    .map((name) => {
      const region = configFile[name]?.region;
      return region ? { name, region } : { name };
    });
}
