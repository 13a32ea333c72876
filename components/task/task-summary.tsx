import Link from "next/link";
import { TaskDefinitionLink } from "@/components/taskdef/task-definition-link";
import { formatTaskSize } from "@/lib/task-display";
import { pagePaths } from "@/lib/query-keys";
import type { TaskDetail } from "@/lib/view-models/task-detail";
import { DetailList, Panel } from "./panel";

/** Where the task runs and what started it. */
export function TaskSummary({ cluster, task }: { cluster: string; task: TaskDetail }) {
  return (
    <Panel title="Summary">
      <DetailList
        details={[
          {
            term: "Service",
            value: task.service ? (
              <Link href={pagePaths.service(cluster, task.service)} className="font-medium text-link underline-offset-2 hover:underline">
                {task.service}
              </Link>
            ) : (
              <span className="text-ink-muted">None: a standalone task</span>
            ),
          },
          { term: "Task definition", value: task.taskDefinition && <TaskDefinitionLink reference={task.taskDefinition} /> },
          { term: "Capacity", value: task.capacity },
          { term: "Platform version", value: task.platformVersion },
          { term: "CPU and memory", value: formatTaskSize(task.cpu, task.memory) },
          { term: "Availability zone", value: task.availabilityZone },
          { term: "Private address", value: task.privateAddress && <span className="font-mono">{task.privateAddress}</span> },
          { term: "Group", value: task.group && <span className="font-mono">{task.group}</span> },
          { term: "Started by", value: task.startedBy && <span className="font-mono">{task.startedBy}</span> },
          { term: "ARN", value: <span className="font-mono text-xs">{task.arn}</span> },
        ]}
      />
    </Panel>
  );
}
