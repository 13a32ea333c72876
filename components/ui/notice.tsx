import type { ReactNode } from "react";

type NoticeTone = "ok" | "info" | "warn" | "danger";

const TONES: Record<NoticeTone, string> = {
  ok: "border-ok/30 bg-ok-soft",
  info: "border-info/30 bg-info-soft",
  warn: "border-warn-line bg-warn-soft",
  danger: "border-danger-line bg-danger-soft",
};

const TITLE_TONES: Record<NoticeTone, string> = {
  ok: "text-ok",
  info: "text-info",
  warn: "text-warn",
  danger: "text-danger",
};

/**
 * A boxed message beside the content it concerns. `live` makes it a polite status region, for
 * a notice that appears while someone is looking (a refresh that failed), not on page load.
 */
export function Notice({ tone, title, children, live = false }: { tone: NoticeTone; title: string; children?: ReactNode; live?: boolean }) {
  return (
    <div role={live ? "status" : undefined} className={`rounded-md border px-4 py-3 text-sm [overflow-wrap:anywhere] ${TONES[tone]}`}>
      <p className={`font-semibold ${TITLE_TONES[tone]}`}>{title}</p>
      {children && <div className="mt-1 space-y-1 text-ink">{children}</div>}
    </div>
  );
}
