import type { ReactNode } from "react";

export type Tone = "neutral" | "ok" | "info" | "warn" | "danger";

const TONES: Record<Tone, string> = {
  neutral: "bg-surface-sunken text-ink-muted ring-line",
  ok: "bg-ok-soft text-ok ring-ok/30",
  info: "bg-info-soft text-info ring-info/30",
  warn: "bg-warn-soft text-warn ring-warn-line",
  danger: "bg-danger-soft text-danger ring-danger-line",
};

/** A short status word. The word carries the meaning; the colour only repeats it. */
export function Badge({ tone = "neutral", children }: { tone?: Tone; children: ReactNode }) {
  return (
    <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${TONES[tone]}`}>
      {children}
    </span>
  );
}
