import "server-only";
import { DescribeServiceRevisionsCommand, type ServiceRevision } from "@aws-sdk/client-ecs";
import { chunk } from "@/server/aws/concurrency";
import type { Connection } from "@/server/aws/connection";
import { readEcs } from "@/server/aws/reads";

/** ECS describes at most 20 service revisions a call. */
const REVISIONS_PER_CALL = 20;

/**
 * Service revisions by ARN, 20 to a call, each a shared read; ARNs ECS does not know are left
 * out. server/aws/batching.ts has no helper for this operation yet, so the batches are made here.
 */
export async function describeServiceRevisions(connection: Connection, arns: readonly string[]): Promise<ServiceRevision[]> {
  const batches = chunk([...new Set(arns)], REVISIONS_PER_CALL);
  const outputs = await Promise.all(batches.map((batch) => readEcs(connection, new DescribeServiceRevisionsCommand({ serviceRevisionArns: batch }))));
  return outputs.flatMap((output) => output.serviceRevisions ?? []);
}
