import type {
  DescribeTasksCommandInput,
  DescribeTasksCommandOutput,
  Failure,
  ListTasksCommandInput,
  ListTasksCommandOutput,
  RunTaskCommandInput,
  RunTaskCommandOutput,
  StopTaskCommandInput,
  StopTaskCommandOutput,
  Task,
} from "@aws-sdk/client-ecs";
import { launchTasks } from "../../engine/task-launcher";
import type { Output, RequestContext } from "../../protocols/operation";
import { ecsArn, parseEcsArn } from "../../store/arns";
import type { TaskRecord } from "../../store/records";
import type { EcsWorld } from "../../world";
import { requireActiveCluster } from "./cluster-lookup";
import { ClientException, InvalidParameterException, ServiceNotFoundException } from "./errors";
import { paginate } from "./pagination";
import { MAX_TAGS, tagsOf, validateTags } from "./tag-store";
import { validateLaunch } from "./launch-validation";
import { findTaskDefinition } from "./task-definition-lookup";

const MAX_DESCRIBE_TASKS = 100;

export function createTaskOperations(world: EcsWorld) {
  /** A task id or ARN → its ARN in the given cluster. */
  const taskArnFor = (clusterName: string, idOrArn: string) =>
    parseEcsArn(idOrArn)?.resourceType === "task" ? idOrArn : ecsArn.task(world.settings, clusterName, idOrArn);

  const withTags = (task: Task, include: boolean): Task => (include ? { ...task, tags: tagsOf(world.state, task.taskArn!) } : { ...task, tags: undefined });

  return {
    RunTask(_ctx: RequestContext, input: RunTaskCommandInput): Output<RunTaskCommandOutput> {
      const cluster = requireActiveCluster(world, input.cluster).cluster;
      const taskDefinition = findTaskDefinition(world, input.taskDefinition);
      if (!taskDefinition) throw new ClientException("Unable to find task definition.");
      if (taskDefinition.status !== "ACTIVE") throw new ClientException("TaskDefinition is inactive");
      const count = input.count ?? 1;
      if (!Number.isInteger(count) || count < 1 || count > 10) throw new InvalidParameterException("count must be between 1 and 10.");
      if (input.startedBy !== undefined && (typeof input.startedBy !== "string" || input.startedBy.length > 128)) {
        throw new InvalidParameterException("startedBy may be at most 128 characters.");
      }
      const tags = validateTags(input.tags);
      // Checked before any task starts: a refused RunTask must leave nothing running.
      if (tags.length > MAX_TAGS) throw new InvalidParameterException(`A resource can have at most ${MAX_TAGS} tags.`);
      const launch = validateLaunch(cluster, taskDefinition, input);
      const records = launchTasks(world, {
        cluster,
        taskDefinition,
        count,
        launch,
        group: input.group ?? `family:${taskDefinition.family}`,
        startedBy: input.startedBy,
        overrides: input.overrides,
        networkConfiguration: input.networkConfiguration,
        tags,
      });
      const failures: Failure[] =
        records.length === 0 ? Array.from({ length: count }, () => ({ reason: "No Container Instances were found in your cluster." })) : [];
      return { tasks: records.map((r) => r.task), failures };
    },

    StopTask(_ctx: RequestContext, input: StopTaskCommandInput): Output<StopTaskCommandOutput> {
      const cluster = requireActiveCluster(world, input.cluster).cluster;
      if (typeof input.task !== "string" || input.task === "") throw new InvalidParameterException("task must be given.");
      const arn = taskArnFor(cluster.clusterName!, input.task);
      const record = world.state.tasks.get(arn);
      if (!record || record.task.clusterArn !== cluster.clusterArn) throw new InvalidParameterException("The referenced task was not found.");
      if (input.reason !== undefined && (typeof input.reason !== "string" || input.reason.length > 255)) {
        throw new InvalidParameterException("reason may be at most 255 characters.");
      }
      world.tasks.stop(arn, { stopCode: "UserInitiated", reason: input.reason || "Task stopped by user" });
      return { task: world.state.tasks.get(arn)?.task };
    },

    ListTasks(_ctx: RequestContext, input: ListTasksCommandInput): Output<ListTasksCommandOutput> {
      const cluster = requireActiveCluster(world, input.cluster).cluster;
      const desiredStatus = input.desiredStatus ?? "RUNNING";
      if (!["RUNNING", "PENDING", "STOPPED"].includes(desiredStatus)) {
        throw new InvalidParameterException("desiredStatus must be RUNNING, PENDING or STOPPED.");
      }
      let candidates: Iterable<TaskRecord>;
      if (input.serviceName !== undefined) {
        const serviceName = String(input.serviceName).split("/").pop()!;
        if (!world.state.services.get(ecsArn.service(world.settings, cluster.clusterName!, serviceName))) throw new ServiceNotFoundException();
        candidates = world.state.tasksOfService(cluster.clusterArn!, serviceName);
      } else {
        candidates = world.state.tasksOfCluster(cluster.clusterArn!);
      }
      const matches: TaskRecord[] = [];
      for (const record of candidates) {
        const task = record.task;
        // ECS filters on desired status, which is never PENDING, so a PENDING filter matches nothing.
        if (task.desiredStatus !== desiredStatus) continue;
        if (input.family !== undefined && !task.taskDefinitionArn?.includes(`:task-definition/${input.family}:`)) continue;
        if (input.startedBy !== undefined && task.startedBy !== input.startedBy) continue;
        if (input.launchType !== undefined && task.launchType !== input.launchType) continue;
        matches.push(record);
      }
      // Every page sorts the whole listing, so the order must be cheap: times, then ARNs by code unit (tasks started together share a time).
      matches.sort((a, b) => (a.task.createdAt?.getTime() ?? 0) - (b.task.createdAt?.getTime() ?? 0) || (a.task.taskArn! < b.task.taskArn! ? -1 : 1));
      const page = paginate(matches, input, { defaultSize: 100, maxSize: 100 });
      return { taskArns: page.items.map((record) => record.task.taskArn!), nextToken: page.nextToken };
    },

    DescribeTasks(_ctx: RequestContext, input: DescribeTasksCommandInput): Output<DescribeTasksCommandOutput> {
      const cluster = requireActiveCluster(world, input.cluster).cluster;
      if (!Array.isArray(input.tasks) || input.tasks.length === 0) throw new InvalidParameterException("Tasks cannot be empty.");
      if (input.tasks.length > MAX_DESCRIBE_TASKS) {
        throw new InvalidParameterException(`Too many tasks were provided. Up to ${MAX_DESCRIBE_TASKS} tasks can be described at once.`);
      }
      const includeTags = Array.isArray(input.include) && input.include.includes("TAGS");
      const tasks: Task[] = [];
      const failures: Failure[] = [];
      for (const idOrArn of input.tasks) {
        const arn = typeof idOrArn === "string" ? taskArnFor(cluster.clusterName!, idOrArn) : String(idOrArn);
        const record = world.state.tasks.get(arn);
        if (record && record.task.clusterArn === cluster.clusterArn) tasks.push(withTags(record.task, includeTags));
        else failures.push({ arn, reason: "MISSING" });
      }
      return { tasks, failures };
    },
  };
}
