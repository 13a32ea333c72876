import { ActionResultNotice } from "@/components/actions/action-result-notice";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/action-result";
import type { DeployChoices } from "@/lib/deploy/choices";
import { STRATEGY_TITLES } from "./wizard-form";

interface DeployStepProps {
  serviceName: string;
  choices: DeployChoices;
  currentLabel: string;
  revisionLabel: string;
  pending: boolean;
  result: ActionResult<unknown> | undefined;
  onDeploy: () => void;
}

/** Step 5: one sentence of what will happen, and the button; a failure is said beside it. */
export function DeployStep({ serviceName, choices, currentLabel, revisionLabel, pending, result, onDeploy }: DeployStepProps) {
  const what =
    choices.source.kind === "new-images"
      ? `register a new revision from ${currentLabel} with new images and deploy it`
      : revisionLabel === currentLabel
        ? `redeploy ${currentLabel}`
        : `deploy ${revisionLabel}`;
  return (
    <div className="space-y-4">
      <p>
        Slipway will {what} to <strong className="font-semibold">{serviceName}</strong> with the {STRATEGY_TITLES[choices.strategy.kind].toLowerCase()} strategy. ECS runs the
        deployment; you will be taken to its live view.
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <Button variant="primary" busy={pending} onClick={onDeploy}>
          {pending ? "Deploying…" : `Deploy ${serviceName}`}
        </Button>
      </div>
      {result && !result.ok && <ActionResultNotice result={result} failureTitle={`${serviceName} was not deployed`} />}
    </div>
  );
}
