import type { TaskDefinitionStatus } from "@aws-sdk/client-ecs";
import { Badge, type Tone } from "@/components/ui/badge";
import { revisionStatusLabel } from "@/lib/view-models/task-definition-history";

const TONES: Record<TaskDefinitionStatus, Tone> = { ACTIVE: "ok", INACTIVE: "neutral", DELETE_IN_PROGRESS: "warn" };

/** Active, Inactive or Deleting: what a revision can still be used for, in a word. */
export function RevisionStatusBadge({ status }: { status: TaskDefinitionStatus }) {
  return <Badge tone={TONES[status] ?? "neutral"}>{revisionStatusLabel(status)}</Badge>;
}
