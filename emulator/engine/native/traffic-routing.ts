import type { NativeDeploymentState } from "../../store/records";
import type { EcsWorld } from "../../world";
import { setForwardWeights } from "../load-balancing/service-targets";
import { percentToWeights } from "./traffic-plan";

/**
 * Points a deployment's production (or test) listener rules at green by `greenPercent`,
 * the rest at blue. The proxies pick the change up before the promise resolves.
 */
export async function routeTraffic(
  world: EcsWorld,
  native: NativeDeploymentState,
  greenPercent: number,
  which: "production" | "test",
): Promise<void> {
  const weights = percentToWeights(greenPercent);
  for (const route of native.routes) {
    const rule = which === "production" ? route.productionListenerRule : route.testListenerRule;
    if (!rule) continue;
    try {
      await setForwardWeights(world, rule, [
        { TargetGroupArn: route.blueTargetGroupArn, Weight: weights.blue },
        { TargetGroupArn: route.greenTargetGroupArn, Weight: weights.green },
      ]);
    } catch (error) {
      console.error(`[local-ecs] could not shift ${which} traffic on ${rule}`, error);
    }
  }
}
