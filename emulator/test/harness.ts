import { ECSClient } from "@aws-sdk/client-ecs";
import { ElasticLoadBalancingV2Client } from "@aws-sdk/client-elastic-load-balancing-v2";
import { startLocalEcs, type LocalEcsOptions, type RunningLocalEcs } from "../local-ecs";

/**
 * Starts local ECS in this process on a free port and returns real SDK clients pointed at it.
 * Tests drive it black-box through the SDK, as any user would.
 */
export interface TestEmulator {
  emulator: RunningLocalEcs;
  ecs: ECSClient;
  elb: ElasticLoadBalancingV2Client;
  stop(): Promise<void>;
}

export const TEST_CREDENTIALS = { accessKeyId: "test", secretAccessKey: "test" };

export function ecsClientFor(endpoint: string): ECSClient {
  return new ECSClient({ endpoint, region: "us-east-1", credentials: TEST_CREDENTIALS, maxAttempts: 1 });
}

export function elbClientFor(endpoint: string): ElasticLoadBalancingV2Client {
  return new ElasticLoadBalancingV2Client({ endpoint, region: "us-east-1", credentials: TEST_CREDENTIALS, maxAttempts: 1 });
}

export async function startTestEmulator(options: Partial<LocalEcsOptions> = {}): Promise<TestEmulator> {
  const emulator = await startLocalEcs({ port: 0, timeScale: 60, ...options });
  const ecs = ecsClientFor(emulator.endpoint);
  const elb = elbClientFor(emulator.endpoint);
  return {
    emulator,
    ecs,
    elb,
    async stop() {
      ecs.destroy();
      elb.destroy();
      await emulator.stop();
    },
  };
}
