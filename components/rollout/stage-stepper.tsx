import { formatDuration } from "@/lib/format";
import { countdownText, formatPercent } from "@/lib/rollout/format";
import { currentBake, rolloutStages, type RolloutStage, type StageStatus } from "@/lib/rollout/stages";
import type { RolloutView } from "@/lib/view-models/rollout";

/**
 * The deployment's stages in order, the current one highlighted with what it is doing and, in
 * a bake, how long is left. Across the page on a wide screen, down it on a phone.
 */

const STATUS_WORDS: Readonly<Record<StageStatus, string>> = {
  done: "done",
  current: "current stage",
  next: "not started",
  skipped: "skipped",
  failed: "failed",
};

const MARKER_STYLES: Readonly<Record<StageStatus, string>> = {
  done: "bg-ok text-surface",
  current: "bg-info-soft text-info ring-2 ring-info",
  next: "border border-line bg-surface text-ink-muted",
  skipped: "border border-dashed border-line bg-surface-sunken text-ink-muted",
  failed: "bg-danger text-surface",
};

function Marker({ stage, position }: { stage: RolloutStage; position: number }) {
  const symbol = stage.status === "done" ? "✓" : stage.status === "failed" ? "✕" : stage.status === "skipped" ? "–" : String(position);
  return (
    <span aria-hidden="true" className={`flex size-7 shrink-0 items-center justify-center rounded-full text-xs font-semibold ${MARKER_STYLES[stage.status]}`}>
      {symbol}
    </span>
  );
}

/** "10 % · 10 min bake": what a step does to traffic and how long it waits after. */
function stageFacts(stage: RolloutStage): string | undefined {
  const facts = [
    stage.percent !== undefined && (stage.id === "rollback" ? `back to ${formatPercent(stage.percent)}` : formatPercent(stage.percent)),
    stage.bakeMinutes !== undefined && (stage.id === "bake" ? formatDuration(stage.bakeMinutes * 60_000) : `${formatDuration(stage.bakeMinutes * 60_000)} bake`),
  ].filter((fact): fact is string => Boolean(fact));
  return facts.length > 0 ? facts.join(" · ") : undefined;
}

function StageItem({ stage, position, last, countdown }: { stage: RolloutStage; position: number; last: boolean; countdown?: string }) {
  const facts = stageFacts(stage);
  const current = stage.status === "current";
  const labelTone = current ? "text-info" : stage.status === "failed" ? "text-danger" : stage.status === "next" || stage.status === "skipped" ? "text-ink-muted" : "";
  return (
    <li aria-current={current ? "step" : undefined} className="flex min-w-0 gap-3 lg:min-w-16 lg:flex-1 lg:flex-col lg:gap-2">
      <div className="flex flex-col items-center lg:flex-row">
        <Marker stage={stage} position={position} />
        {!last && <span aria-hidden="true" className={`my-1 w-0.5 flex-1 lg:mx-2 lg:my-0 lg:h-0.5 lg:w-auto ${stage.status === "done" ? "bg-ok" : "bg-line"}`} />}
      </div>
      <div className={`min-w-0 text-sm ${last ? "" : "pb-4 lg:pb-0"} lg:pr-2`}>
        <p className={`font-medium ${labelTone} ${stage.status === "skipped" ? "line-through" : ""}`}>
          {stage.label}
          <span className="sr-only">, {STATUS_WORDS[stage.status]}</span>
        </p>
        {facts && <p className="text-xs text-ink-muted">{facts}</p>}
        {stage.detail && <p className={`text-xs ${stage.status === "failed" ? "text-danger" : "text-ink"}`}>{stage.detail}</p>}
        {countdown && <p className="text-xs font-semibold text-info tabular-nums">{countdown}</p>}
      </div>
    </li>
  );
}

/** `now` is the page's one clock (epoch ms), so the countdown ticks with everything else. */
export function StageStepper({ view, now }: { view: RolloutView; now: number }) {
  const stages = rolloutStages(view);
  const bake = currentBake(view, stages);
  const countdown = bake && countdownText(bake.label, bake.endsAt, now);
  return (
    <ol aria-label="Deployment stages" className="relative flex flex-col lg:flex-row lg:overflow-x-auto lg:pb-1">
      {stages.map((stage, index) => (
        <StageItem
          key={stage.id}
          stage={stage}
          position={index + 1}
          last={index === stages.length - 1}
          countdown={stage.status === "current" ? countdown : undefined}
        />
      ))}
    </ol>
  );
}
