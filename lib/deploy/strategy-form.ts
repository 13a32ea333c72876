import type { DeployChoicesInput, StrategyKind } from "./choices";
import type { ApprovalStage, LimitName } from "./limits";

/**
 * A strategy as the deploy wizard's and the create-service form's fields hold it (numbers as
 * typed, one value per setting whatever the strategy, so switching strategies keeps them), and
 * the choice it makes. Types only from choices.ts: zod stays out of the forms' first load.
 */
export interface StrategyFields {
  strategy: StrategyKind;
  numbers: Record<LimitName, string>;
  circuitBreaker: boolean;
  rollbackOnFailure: boolean;
  approval: boolean;
  approvalStage: ApprovalStage;
  approvalTimeoutMinutes: string;
  approvalTimeoutAction: "ROLLBACK" | "CONTINUE";
  /** Blue/green's test listener rule, where the form offers one. */
  testListenerRule?: string;
}

export function strategyChoiceInput(fields: StrategyFields): DeployChoicesInput["strategy"] {
  const n = fields.numbers;
  const approval = fields.approval ? { stage: fields.approvalStage, timeoutMinutes: fields.approvalTimeoutMinutes, timeoutAction: fields.approvalTimeoutAction } : undefined;
  switch (fields.strategy) {
    case "rolling":
      return {
        kind: "rolling",
        rolling: {
          minimumHealthyPercent: n.minimumHealthyPercent,
          maximumPercent: n.maximumPercent,
          circuitBreaker: { enable: fields.circuitBreaker, rollback: fields.circuitBreaker && fields.rollbackOnFailure },
          healthCheckGracePeriodSeconds: n.healthCheckGracePeriodSeconds,
        },
      };
    case "blueGreen":
      return { kind: "blueGreen", blueGreen: { bakeTimeMinutes: n.bakeTimeMinutes, testListenerRule: fields.testListenerRule?.trim() || undefined, approval } };
    case "linear":
      return { kind: "linear", linear: { stepPercent: n.stepPercent, stepBakeTimeMinutes: n.stepBakeTimeMinutes, bakeTimeMinutes: n.bakeTimeMinutes, approval } };
    case "canary":
      return { kind: "canary", canary: { canaryPercent: n.canaryPercent, canaryBakeTimeMinutes: n.canaryBakeTimeMinutes, bakeTimeMinutes: n.bakeTimeMinutes, approval } };
  }
}
