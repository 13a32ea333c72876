import { Badge, type Tone } from "@/components/ui/badge";
import type { AuditOutcome } from "@/lib/audit/types";

const OUTCOMES: Record<AuditOutcome, { label: string; tone: Tone }> = {
  pending: { label: "In progress", tone: "info" },
  succeeded: { label: "Succeeded", tone: "ok" },
  "no-change": { label: "No change", tone: "neutral" },
  refused: { label: "Refused", tone: "warn" },
  failed: { label: "Failed", tone: "danger" },
  denied: { label: "Denied", tone: "danger" },
  interrupted: { label: "Outcome unknown", tone: "warn" },
};

/** How an operation ended, in a word. */
export function OutcomeBadge({ outcome }: { outcome: AuditOutcome }) {
  const { label, tone } = OUTCOMES[outcome] ?? { label: outcome, tone: "neutral" };
  return <Badge tone={tone}>{label}</Badge>;
}
