import "server-only";
import type {
  $Command as EcsCommand,
  ECSClientResolvedConfig,
  ServiceInputTypes as EcsInput,
  ServiceOutputTypes as EcsOutput,
} from "@aws-sdk/client-ecs";
import { ecsClient } from "./clients";
import { sharedReadCache } from "./coalescing";
import { connectionKey, type Connection } from "./connection";

/**
 * Writes go straight to AWS, never through the read cache, and afterwards (done or failed, a
 * write may have half-happened) forget that connection's cached reads, so the page that
 * polls next shows what the write did rather than what was true a second before.
 */
export async function sendEcs<I extends EcsInput, O extends EcsOutput>(
  connection: Connection,
  command: EcsCommand<I, O, ECSClientResolvedConfig, EcsInput, EcsOutput>,
): Promise<O> {
  try {
    return await ecsClient(connection).send(command);
  } finally {
    sharedReadCache().forget(`${connectionKey(connection)} `);
  }
}
