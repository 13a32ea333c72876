import { STEPS, type StepId } from "./wizard-form";

/**
 * Where the person is in the wizard: every step by name, the current one marked for screen
 * readers (aria-current="step"); steps already passed can be gone back to.
 */
export function Stepper({ current, reached, onGoTo }: { current: StepId; reached: number; onGoTo: (step: StepId) => void }) {
  const currentIndex = STEPS.findIndex((step) => step.id === current);
  return (
    <nav aria-label="Deploy steps">
      <ol className="grid grid-cols-5 gap-1 text-xs sm:gap-2 sm:text-sm">
        {STEPS.map((step, index) => {
          const isCurrent = index === currentIndex;
          const done = index < currentIndex;
          const tone = isCurrent ? "border-brand text-ink" : done ? "border-brand/50 text-ink-muted" : "border-line text-ink-muted";
          const body = (
            <>
              <span className={`flex size-6 shrink-0 items-center justify-center rounded-full border text-xs font-semibold ${isCurrent ? "bg-brand text-brand-ink border-transparent" : "border-current"}`}>
                {index + 1}
              </span>
              <span className="hidden min-w-0 sm:inline">{step.title}</span>
              <span className="sr-only sm:hidden">{step.title}</span>
            </>
          );
          return (
            <li key={step.id} aria-current={isCurrent ? "step" : undefined} className={`flex min-w-0 border-t-4 pt-2 ${tone}`}>
              {index <= reached && !isCurrent ? (
                <button type="button" onClick={() => onGoTo(step.id)} className="flex min-w-0 items-center gap-2 rounded text-left underline-offset-2 hover:underline">
                  {body}
                </button>
              ) : (
                <span className={`flex min-w-0 items-center gap-2 ${isCurrent ? "font-semibold" : ""}`}>{body}</span>
              )}
            </li>
          );
        })}
      </ol>
      <p className="mt-2 text-sm text-ink-muted sm:hidden">
        Step {currentIndex + 1} of {STEPS.length}: {STEPS[currentIndex].title}
      </p>
    </nav>
  );
}
