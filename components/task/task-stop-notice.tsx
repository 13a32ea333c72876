import { Notice } from "@/components/ui/notice";
import { stopNotice } from "@/lib/task-stop";
import type { TaskDetail } from "@/lib/view-models/task-detail";

/** Why ECS stopped (or is stopping) the task, first thing under the heading: its stop code in words, and ECS's own reason. */
export function TaskStopNotice({ task }: { task: TaskDetail }) {
  const notice = stopNotice(task);
  if (!notice) return null;
  const failed = task.stopCode === "TaskFailedToStart" || task.stopCode === "EssentialContainerExited";
  return (
    <Notice tone={failed ? "danger" : "warn"} title={notice.title}>
      {notice.reason && (
        <p>
          <span className="text-ink-muted">Reason: </span>
          <span className="font-medium">{notice.reason}</span>
        </p>
      )}
      <p>{notice.explanation}</p>
    </Notice>
  );
}
