import type { ApprovalGate } from "@/lib/view-models/deployments";
import { formatRelativeTime } from "@/lib/format";

/** How a paused deployment reads on a page: where it waits, and what happens if nobody decides. */

/** Stages as a sentence continues "paused …". Any stage ECS adds later still reads, in lower case. */
const STAGE_WORDS: Readonly<Record<string, string>> = {
  RECONCILE_SERVICE: "while reconciling the service",
  PRE_SCALE_UP: "before scale-up",
  SCALE_UP: "during scale-up",
  POST_SCALE_UP: "after scale-up",
  TEST_TRAFFIC_SHIFT: "during the test traffic shift",
  POST_TEST_TRAFFIC_SHIFT: "after the test traffic shift",
  PRE_PRODUCTION_TRAFFIC_SHIFT: "before the production traffic shift",
  PRODUCTION_TRAFFIC_SHIFT: "during the production traffic shift",
  POST_PRODUCTION_TRAFFIC_SHIFT: "after the production traffic shift",
  BAKE_TIME: "during bake time",
  CLEAN_UP: "during clean-up",
};

/** "before the production traffic shift": where in a deployment a stage falls, to follow a verb. */
export function stageWords(stage: string): string {
  return STAGE_WORDS[stage] ?? `at ${stage.toLowerCase().replaceAll("_", " ")}`;
}

export function pausedAtText(stage: string | undefined): string {
  return stage ? `Paused ${stageWords(stage)}` : "Paused";
}

/** "Rolls back in 23 h unless someone decides"; ECS's default timeout action is to roll back. */
export function approvalTimeoutText(gate: Pick<ApprovalGate, "expiresAt" | "timeoutAction">, now: number): string | undefined {
  if (!gate.expiresAt) return undefined;
  const action = gate.timeoutAction === "CONTINUE" ? "Continues" : "Rolls back";
  if (Date.parse(gate.expiresAt) <= now) return `${action} any moment now: its timeout has passed`;
  return `${action} ${formatRelativeTime(gate.expiresAt, now)} unless someone decides`;
}
