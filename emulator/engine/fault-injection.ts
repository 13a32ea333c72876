import type { AwsError } from "../protocols/aws-error";
import type { RequestContext } from "../protocols/operation";

/**
 * Fault knobs for testing clients: every API call waits `latencyMs` (real milliseconds: it is
 * the network and AWS that are slow, not emulated time) and fails at `errorRate` with the
 * service's own 5xx error.
 */
export interface ApiFaults {
  latencyMs?: number;
  /** 0..1 */
  errorRate?: number;
}

type BeforeOperation = (ctx: RequestContext) => void | Promise<void>;

export function createFaultInjector(faults: ApiFaults, serverError: () => AwsError, random: () => number = Math.random): BeforeOperation | undefined {
  const latency = Math.max(0, faults.latencyMs ?? 0);
  const errorRate = Math.min(1, Math.max(0, faults.errorRate ?? 0));
  if (latency === 0 && errorRate === 0) return undefined;
  return async () => {
    if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
    if (random() < errorRate) throw serverError();
  };
}

/** Runs hooks in order; the first to throw decides. */
export function chainBeforeOperation(...hooks: Array<BeforeOperation | undefined>): BeforeOperation | undefined {
  const present = hooks.filter((hook): hook is BeforeOperation => hook !== undefined);
  if (present.length === 0) return undefined;
  return async (ctx) => {
    for (const hook of present) await hook(ctx);
  };
}
