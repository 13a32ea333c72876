import "server-only";
import { CreateServiceCommand } from "@aws-sdk/client-ecs";
import { createFargateCluster, NETWORK, registerWebApp, waitForSteadyState } from "@/emulator/test/fixtures";
import { startCountedLocalEcs, type CountedLocalEcs } from "@/server/aws/test-local-ecs";

/** Test support for actions on a service: a counted local ECS with cluster "shop" running service "web" at 2 tasks, steady. */
export async function startShop(): Promise<CountedLocalEcs> {
  const local = await startCountedLocalEcs();
  await createFargateCluster(local.ecs, "shop");
  const taskDefinition = await registerWebApp(local.ecs, "web", "public.ecr.aws/slipway/web:1.0.0", [], { containerHealthCheck: false });
  await local.ecs.send(new CreateServiceCommand({ cluster: "shop", serviceName: "web", taskDefinition, desiredCount: 2, networkConfiguration: NETWORK }));
  await waitForSteadyState(local.ecs, "shop", "web");
  return local;
}
