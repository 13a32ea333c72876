import type { DeploymentConfiguration } from "@aws-sdk/client-ecs";

/**
 * The production traffic steps of a BLUE_GREEN, LINEAR or CANARY deployment (spec §3), and
 * the mapping between traffic percent and ELB weights. Pure.
 */
export interface TrafficStep {
  /** Percent of production traffic on green after this step. */
  greenPercent: number;
  /** Emulated ms to bake after this step before the next one (0 after the last). */
  bakeMs: number;
}

const MINUTE = 60_000;

export const NATIVE_DEFAULTS = {
  canaryPercent: 5,
  canaryBakeTimeInMinutes: 10,
  stepPercent: 10,
  stepBakeTimeInMinutes: 6,
};

export function trafficSteps(config: DeploymentConfiguration): TrafficStep[] {
  switch (config.strategy) {
    case "CANARY": {
      const canary = config.canaryConfiguration?.canaryPercent ?? NATIVE_DEFAULTS.canaryPercent;
      const bake = (config.canaryConfiguration?.canaryBakeTimeInMinutes ?? NATIVE_DEFAULTS.canaryBakeTimeInMinutes) * MINUTE;
      return canary >= 100 ? [{ greenPercent: 100, bakeMs: 0 }] : [{ greenPercent: canary, bakeMs: bake }, { greenPercent: 100, bakeMs: 0 }];
    }
    case "LINEAR": {
      const step = config.linearConfiguration?.stepPercent ?? NATIVE_DEFAULTS.stepPercent;
      const bake = (config.linearConfiguration?.stepBakeTimeInMinutes ?? NATIVE_DEFAULTS.stepBakeTimeInMinutes) * MINUTE;
      const steps: TrafficStep[] = [];
      // Emulator decision 4: a step that does not divide 100 is capped at 100 (30, 60, 90, 100).
      for (let n = 1; n <= Math.ceil(100 / step - 1e-9); n++) {
        const greenPercent = Math.min(100, roundTenth(n * step));
        steps.push({ greenPercent, bakeMs: greenPercent >= 100 ? 0 : bake });
      }
      return steps;
    }
    default:
      return [{ greenPercent: 100, bakeMs: 0 }];
  }
}

/**
 * Emulator decision 3: percent → ELB weights with 0.1 % precision inside 0–999. Green gets
 * percent × 10 and blue the rest of 1000, so both stay within 1–999 between the ends; at 0 and
 * 100 the idle side gets weight 0 and the live side 1.
 */
export function percentToWeights(greenPercent: number): { blue: number; green: number } {
  if (greenPercent <= 0) return { blue: 1, green: 0 };
  if (greenPercent >= 100) return { blue: 0, green: 1 };
  const green = Math.min(999, Math.max(1, Math.round(greenPercent * 10)));
  return { blue: 1000 - green, green };
}

/** Weights read back from a listener rule → percent of traffic on `weight`'s side. */
export function weightToPercent(weight: number, total: number): number {
  return total > 0 ? roundTenth((weight / total) * 100) : 0;
}

function roundTenth(value: number): number {
  return Math.round(value * 10) / 10;
}
