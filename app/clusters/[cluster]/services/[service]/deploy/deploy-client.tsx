"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useAction } from "@/components/actions/use-action";
import { DeployStep } from "@/components/deploy/deploy-step";
import { loadDeployPlanning, type DeployPlanning } from "@/components/deploy/load-planning";
import { ReviewStep } from "@/components/deploy/review-step";
import { SourceStep } from "@/components/deploy/source-step";
import { Stepper } from "@/components/deploy/stepper";
import { StrategyStep } from "@/components/deploy/strategy-step";
import { useWizardHistory } from "@/components/deploy/use-wizard-history";
import { TargetStep } from "@/components/deploy/target-step";
import { initialForm, STEPS, stepOfField, toChoicesInput, type StepId, type WizardForm } from "@/components/deploy/wizard-form";
import { Button } from "@/components/ui/button";
import type { DeployChoices } from "@/lib/deploy/choices";
import { pagePaths, queryKeys } from "@/lib/query-keys";
import { deployService } from "@/server/actions/deploy-service";
import type { DeployContext } from "@/lib/view-models/deploy-context";

const indexOf = (step: StepId) => STEPS.findIndex((entry) => entry.id === step);

/** Which steps' messages stop "Next" on each step: a step checks its own fields and those before it. */
const CHECKED_BEFORE: Partial<Record<StepId, readonly string[]>> = { source: ["target", "source"], strategy: ["target", "source", "strategy"] };

/**
 * The deploy wizard: five steps in one form, kept in the page's state. "Next" checks the
 * step's fields with the choices' schema (loaded then, not with the page) and puts each
 * message at its field; "Deploy" runs the server action, which checks everything again, and
 * goes to the live view of the deployment it started.
 */
export function DeployClient({ cluster, serviceName, context }: { cluster: string; serviceName: string; context: DeployContext }) {
  const router = useRouter();
  const [step, setStep] = useState<StepId>("target");
  const [reached, setReached] = useState(0);
  const [form, setForm] = useState<WizardForm>(() => initialForm(context));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [planning, setPlanning] = useState<DeployPlanning>();
  const [checked, setChecked] = useState<DeployChoices>();
  const [checking, setChecking] = useState(false);
  const deploy = useAction(deployService, [queryKeys.clusters.one(cluster), queryKeys.clusters.overview()]);
  const panel = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [focusTarget, setFocusTarget] = useState<{ to: "heading" | "error" }>();
  const target = { cluster, service: serviceName };

  useEffect(() => {
    if (!focusTarget) return;
    const invalid = panel.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (focusTarget.to === "error" && invalid ? invalid : heading.current)?.focus();
  }, [focusTarget]);

  const history = useWizardHistory((entry) => {
    setForm(entry.form);
    setStep(entry.step);
    setReached(entry.reached);
    setErrors({});
    setFocusTarget({ to: "heading" });
    // The review and deploy steps show choices that have been checked: check them again.
    if (indexOf(entry.step) > indexOf("strategy")) void recheck(entry.form);
  });

  function goTo(next: StepId, focus: "heading" | "error" = "heading") {
    const nextReached = Math.max(reached, indexOf(next));
    if (next !== step) history.move({ step, reached, form }, { step: next, reached: nextReached, form });
    setStep(next);
    setReached(nextReached);
    setFocusTarget({ to: focus });
  }

  /** A step restored from the browser's history, past the strategy: its choices checked as "Next" would have. */
  async function recheck(restored: WizardForm) {
    const loaded = planning ?? (await loadDeployPlanning());
    setPlanning(loaded);
    const result = loaded.checkChoices(loaded.deployChoices, toChoicesInput(restored, target, context.availability));
    if (result.ok) setChecked(result.value);
    else {
      setErrors(result.fieldErrors);
      setStep(stepOfField(Object.keys(result.fieldErrors)[0]!));
    }
  }

  /** A change makes the later steps stale: they must be passed again, through "Next", to be checked. */
  function change(update: Partial<WizardForm>) {
    const changed = { ...form, ...update };
    setForm(changed);
    setReached(indexOf(step));
    history.save({ step, reached: indexOf(step), form: changed });
  }

  /** The step's fields and those before it, checked; on a message, the first step that has one is shown with it. */
  async function check(): Promise<DeployChoices | undefined> {
    setChecking(true);
    const loaded = planning ?? (await loadDeployPlanning());
    setPlanning(loaded);
    setChecking(false);
    const result = loaded.checkChoices(loaded.deployChoices, toChoicesInput(form, target, context.availability));
    const scope = CHECKED_BEFORE[step] ?? [];
    const found = result.ok ? {} : Object.fromEntries(Object.entries(result.fieldErrors).filter(([path]) => scope.includes(stepOfField(path))));
    const chosen = context.availability.find((entry) => entry.kind === form.strategy);
    if (step === "strategy" && chosen && !chosen.available && !chosen.canSetUp) found["strategy.kind"] = chosen.missing.map((missing) => missing.message).join(" ");
    setErrors(found);
    const paths = Object.keys(found);
    if (paths.length > 0) {
      const earliest = paths.map(stepOfField).sort((a, b) => indexOf(a) - indexOf(b))[0];
      goTo(earliest, "error");
      return undefined;
    }
    return result.ok ? result.value : undefined;
  }

  async function next(event?: FormEvent) {
    event?.preventDefault();
    if (step === "deploy" || checking) return;
    if (step === "source" || step === "strategy") {
      const value = await check();
      if (!value) return;
      if (step === "strategy") setChecked(value);
    }
    goTo(STEPS[indexOf(step) + 1].id);
  }

  async function runDeploy() {
    if (!checked) return;
    const result = await deploy.run(toChoicesInput(form, target, context.availability));
    if (result.ok) {
      router.push(pagePaths.deployment(cluster, serviceName, result.value.deploymentId));
      return;
    }
    if (result.fieldErrors && Object.keys(result.fieldErrors).length > 0) {
      setErrors(result.fieldErrors);
      goTo(stepOfField(Object.keys(result.fieldErrors)[0]), "error");
    }
  }

  const index = indexOf(step);
  const revisionLabel = context.revisions.ok ? (context.revisions.value.find((revision) => revision.arn === form.revision)?.label ?? form.revision) : form.revision;
  return (
    <div className="space-y-6">
      <Stepper current={step} reached={reached} onGoTo={(to) => goTo(to)} />
      <form noValidate onSubmit={next} className="space-y-6">
        <div ref={panel} className="space-y-4 rounded-lg border border-line bg-surface p-4 shadow-sm sm:p-6">
          <h2 ref={heading} tabIndex={-1} className="text-lg font-semibold outline-none">
            {index + 1}. {STEPS[index].title}
          </h2>
          {step === "target" && <TargetStep cluster={cluster} serviceName={serviceName} context={context} />}
          {step === "source" && <SourceStep context={context} form={form} errors={errors} onChange={change} />}
          {step === "strategy" && <StrategyStep availability={context.availability} alarms={context.alarms} trafficShifting={context.trafficShifting} primaryTargetGroupArn={context.service.loadBalancers?.[0]?.targetGroupArn} form={form} errors={errors} onChange={change} />}
          {step === "review" && checked && planning && <ReviewStep cluster={cluster} serviceName={serviceName} context={context} choices={checked} planning={planning} />}
          {step === "deploy" && checked && (
            <DeployStep
              serviceName={serviceName}
              choices={checked}
              currentLabel={context.current.label}
              revisionLabel={revisionLabel}
              pending={deploy.pending}
              result={deploy.result}
              onDeploy={runDeploy}
            />
          )}
        </div>
        <div className="flex flex-wrap justify-between gap-2">
          <Button onClick={() => goTo(STEPS[Math.max(0, index - 1)].id)} disabled={index === 0}>
            Back
          </Button>
          {step !== "deploy" && (
            <Button type="submit" variant="primary" busy={checking}>
              Next: {STEPS[index + 1].title}
            </Button>
          )}
        </div>
      </form>
    </div>
  );
}
