import { Badge, type Tone } from "@/components/ui/badge";

/** Tones for ECS's task and container states: running is good, on the way up is news, on the way down is a warning. */
const STATUS_TONES: Record<string, Tone> = {
  RUNNING: "ok",
  PROVISIONING: "info",
  PENDING: "info",
  ACTIVATING: "info",
  DEACTIVATING: "warn",
  STOPPING: "warn",
  DEPROVISIONING: "warn",
  STOPPED: "neutral",
};

const HEALTH_TONES: Record<string, Tone> = { HEALTHY: "ok", UNHEALTHY: "danger", UNKNOWN: "neutral" };

export function StatusBadge({ status }: { status: string | undefined }) {
  return <Badge tone={STATUS_TONES[status ?? ""] ?? "neutral"}>{status ?? "UNKNOWN"}</Badge>;
}

export function HealthBadge({ health }: { health: string | undefined }) {
  return <Badge tone={HEALTH_TONES[health ?? ""] ?? "neutral"}>{health ?? "UNKNOWN"}</Badge>;
}

/** The task's three states side by side, each read with its label. */
export function TaskStatusList({ lastStatus, desiredStatus, health }: { lastStatus?: string; desiredStatus?: string; health?: string }) {
  const items = [
    { label: "Status", badge: <StatusBadge status={lastStatus} /> },
    { label: "Desired", badge: <StatusBadge status={desiredStatus} /> },
    { label: "Health", badge: <HealthBadge health={health} /> },
  ];
  return (
    <dl className="flex flex-wrap items-center gap-x-5 gap-y-2 text-sm">
      {items.map((item) => (
        <div key={item.label} className="flex items-center gap-2">
          <dt className="text-ink-muted">{item.label}</dt>
          <dd>{item.badge}</dd>
        </div>
      ))}
    </dl>
  );
}
