import { ECSClient } from "@aws-sdk/client-ecs";
import { startLocalEcs, type LocalEcsOptions, type RunningLocalEcs } from "../local-ecs";

/**
 * Starts local ECS in this process on a free port and returns real SDK clients pointed at it.
 * Tests drive it black-box through the SDK, as any user would.
 */
export interface TestEmulator {
  emulator: RunningLocalEcs;
  ecs: ECSClient;
  stop(): Promise<void>;
}

export const TEST_CREDENTIALS = { accessKeyId: "test", secretAccessKey: "test" };

export function ecsClientFor(endpoint: string): ECSClient {
  return new ECSClient({ endpoint, region: "us-east-1", credentials: TEST_CREDENTIALS, maxAttempts: 1 });
}

export async function startTestEmulator(options: Partial<LocalEcsOptions> = {}): Promise<TestEmulator> {
  const emulator = await startLocalEcs({ port: 0, timeScale: 60, ...options });
  const ecs = ecsClientFor(emulator.endpoint);
  return {
    emulator,
    ecs,
    async stop() {
      ecs.destroy();
      await emulator.stop();
    },
  };
}
