import "server-only";
import { cache } from "react";
import { awsFailure, type AwsFailure } from "@/lib/aws-errors";
import type { LiveRead } from "@/lib/live-read";
import type { CreateServicePageData } from "@/lib/view-models/load-balancing-create";
import type { TaskPageRead } from "@/lib/view-models/task-detail";
import { readLive } from "@/server/api/live-read";
import { currentConnection } from "@/server/aws/current-connection";
import { currentActor, refusalFor } from "@/server/auth/session";
import { readCreateServicePage } from "@/server/create-service/page-read";
import { readClusterDetail } from "@/server/ecs/cluster-detail";
import { readDeployContext } from "@/server/ecs/deploy-context";
import { readServiceDetail } from "@/server/ecs/service-detail";
import { readFamilyHistory, readPreviousRevision } from "@/server/ecs/task-definition-history";
import { readRevision } from "@/server/ecs/task-definition-revision";
import { readTaskDetail } from "@/server/ecs/task-detail";
import { readRolloutView } from "@/server/rollout/rollout-view";
import { canSeeSecrets } from "@/server/security/secret-access";

/**
 * The first read of each page that can find its subject missing. A page calls notFound() on a
 * not-found read, for an HTTP 404; Next renders the segment's not-found page beside the page in
 * the same render, and that page calls the same read to say what is missing. React's cache
 * makes it one read (one set of AWS calls) per request for both.
 */

/** Why a read failed, when it failed because ECS does not know its subject. */
export function missing(read: { ok: boolean; error?: AwsFailure } | undefined): AwsFailure | undefined {
  return read && !read.ok && read.error?.code === "not-found" ? read.error : undefined;
}

export const readClusterPage = cache(async (cluster: string) => {
  const connection = await currentConnection();
  return readLive(() => readClusterDetail(connection, cluster));
});

export const readServicePage = cache(async (cluster: string, service: string) => {
  const connection = await currentConnection();
  return readLive(() => readServiceDetail(connection, cluster, service));
});

export const readTaskPage = cache(async (cluster: string, task: string) => {
  const [connection, seesSecrets] = await Promise.all([currentConnection(), canSeeSecrets()]);
  // Masked here, on the server: what the viewer may not see is never in the page.
  return readLive<TaskPageRead>(() => readTaskDetail(connection, cluster, task, { canSeeSecrets: seesSecrets }));
});

/** Also starts sampling the deployment, if nothing was. */
export const readRolloutPage = cache(async (cluster: string, service: string, deploymentId: string) => {
  const connection = await currentConnection();
  return readLive(() => readRolloutView(connection, cluster, service, deploymentId));
});

/** `before`: the page of revisions older than it; anything but a revision number shows the newest. */
export const readFamilyPage = cache(async (family: string, before: string | undefined) => {
  const connection = await currentConnection();
  return readLive(() => readFamilyHistory(connection, family, { before: before && /^[1-9]\d{0,9}$/.test(before) ? Number(before) : undefined }));
});

/** One revision, masked for the person asking, and the revision before it for the comparison. */
export const readRevisionPage = cache(async (family: string, revision: string) => {
  if (!/^[1-9]\d{0,9}$/.test(revision)) {
    return { read: { ok: false as const, error: awsFailure("not-found", { detail: `${revision} is not a revision: revisions are whole numbers from 1.` }) }, previous: undefined };
  }
  const [connection, seesSecrets] = await Promise.all([currentConnection(), canSeeSecrets()]);
  const [read, previous] = await Promise.all([
    readRevision(connection, `${family}:${revision}`, { canSeeSecrets: seesSecrets }),
    readPreviousRevision(connection, family, Number(revision)),
  ]);
  return { read, previous };
});

/** Who may not deploy is told so before anything is read. */
export const readDeployPage = cache(async (cluster: string, service: string) => {
  const refusal = refusalFor(await currentActor(), "operate");
  if (refusal) return { refusal, context: undefined };
  const [connection, seesSecrets] = await Promise.all([currentConnection(), canSeeSecrets()]);
  return { refusal: undefined, context: await readDeployContext(connection, cluster, service, { canSeeSecrets: seesSecrets }) };
});

/** Who may not operate is told so before anything is read. */
export const readNewServicePage = cache(async (cluster: string): Promise<{ refusal?: string; initial?: LiveRead<CreateServicePageData> }> => {
  const refusal = refusalFor(await currentActor(), "operate");
  if (refusal) return { refusal: refusal.message };
  const connection = await currentConnection();
  return { initial: await readLive(() => readCreateServicePage(connection, cluster)) };
});
