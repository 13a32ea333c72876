import type { ContainerInput } from "./container-schema";
import { FARGATE_SIZES, fargateCpuMessage, fargateMemoryMessage, parseTaskCpu, parseTaskMemory } from "./task-size";

/**
 * Rules that span fields: Fargate's sizes and network mode, essential and unique containers,
 * memory and cpu shared out of the task, and ports that clash across a task. Each problem is
 * reported at the field a person would change.
 */
export interface TaskShape {
  cpu?: string;
  memory?: string;
  networkMode?: string;
  requiresCompatibilities?: string[];
  executionRoleArn?: string;
  containerDefinitions: ContainerInput[];
}

export type Report = (path: (string | number)[], message: string) => void;

export function checkTask(task: TaskShape, report: Report): void {
  const cpu = task.cpu === undefined ? undefined : parseTaskCpu(task.cpu);
  const memory = task.memory === undefined ? undefined : parseTaskMemory(task.memory);
  if (task.requiresCompatibilities?.includes("FARGATE")) checkFargate(task, cpu, memory, report);
  checkContainerNames(task.containerDefinitions, report);
  checkVariableNames(task.containerDefinitions, report);
  checkMemory(task.containerDefinitions, memory, report);
  checkCpu(task.containerDefinitions, cpu, report);
  checkPorts(task.containerDefinitions, task.networkMode ?? "bridge", report);
}

function checkFargate(task: TaskShape, cpu: number | undefined, memory: number | undefined, report: Report): void {
  if (task.networkMode !== "awsvpc") report(["networkMode"], "Fargate requires network mode awsvpc.");
  if (task.cpu === undefined) report(["cpu"], `Fargate requires task-level cpu. ${fargateCpuMessage()}`);
  else if (cpu !== undefined && !FARGATE_SIZES.has(cpu)) report(["cpu"], fargateCpuMessage());
  if (task.memory === undefined) report(["memory"], "Fargate requires task-level memory.");
  else if (cpu !== undefined && memory !== undefined && FARGATE_SIZES.has(cpu) && !FARGATE_SIZES.get(cpu)!.includes(memory)) {
    report(["memory"], fargateMemoryMessage(cpu));
  }
  task.containerDefinitions.forEach((container, index) => {
    if (container.logConfiguration?.logDriver === "awslogs" && !task.executionRoleArn) {
      report(["executionRoleArn"], `Fargate needs an execution role for the awslogs log driver (container ${index + 1}).`);
    }
  });
}

function checkContainerNames(containers: ContainerInput[], report: Report): void {
  const seen = new Set<string>();
  containers.forEach((container, index) => {
    if (seen.has(container.name)) report(["containerDefinitions", index, "name"], `Another container is already named ${container.name}.`);
    seen.add(container.name);
  });
  // ECS treats a container without `essential` as essential.
  if (!containers.some((container) => container.essential !== false)) {
    report(["containerDefinitions", 0, "essential"], "At least one container must be essential.");
  }
}

/** A variable named twice in one container leaves which value wins to the container runtime. */
function checkVariableNames(containers: ContainerInput[], report: Report): void {
  containers.forEach((container, index) => {
    const seen = new Set<string>();
    container.environment?.forEach((variable, variableIndex) => {
      if (seen.has(variable.name)) {
        report(["containerDefinitions", index, "environment", variableIndex, "name"], `${variable.name} is already set in this container.`);
      }
      seen.add(variable.name);
    });
  });
}

function checkMemory(containers: ContainerInput[], taskMemory: number | undefined, report: Report): void {
  let reserved = 0;
  containers.forEach((container, index) => {
    const at = (field: string) => ["containerDefinitions", index, field];
    const { memory, memoryReservation } = container;
    if (memory !== undefined && memoryReservation !== undefined && memoryReservation > memory) {
      report(at("memoryReservation"), "Memory reservation cannot exceed the container's memory.");
    }
    if (taskMemory === undefined) {
      if (memory === undefined && memoryReservation === undefined) {
        report(at("memory"), "Without task-level memory, each container needs memory or a memory reservation.");
      }
      return;
    }
    for (const [field, mib] of [["memory", memory], ["memoryReservation", memoryReservation]] as const) {
      if (mib !== undefined && mib > taskMemory) report(at(field), `Cannot exceed the task's memory (${taskMemory} MiB).`);
    }
    const before = reserved;
    reserved += memoryReservation ?? memory ?? 0;
    if (before <= taskMemory && reserved > taskMemory) {
      const field = memoryReservation !== undefined ? "memoryReservation" : "memory";
      report(at(field), `The containers together reserve ${reserved} MiB, more than the task's ${taskMemory} MiB.`);
    }
  });
}

function checkCpu(containers: ContainerInput[], taskCpu: number | undefined, report: Report): void {
  if (taskCpu === undefined) return;
  let total = 0;
  containers.forEach((container, index) => {
    const before = total;
    total += container.cpu ?? 0;
    if (before <= taskCpu && total > taskCpu) {
      report(["containerDefinitions", index, "cpu"], `The containers together use ${total} CPU units, more than the task's ${taskCpu}.`);
    }
  });
}

/** With awsvpc and host every container shares one network namespace; with bridge host ports clash. */
function checkPorts(containers: ContainerInput[], networkMode: string, report: Report): void {
  const shared = networkMode === "awsvpc" || networkMode === "host";
  const taskPorts = new Map<string, number>();
  const portNames = new Set<string>();
  containers.forEach((container, index) => {
    const mappings = container.portMappings ?? [];
    const inContainer = new Set<string>();
    mappings.forEach((mapping, mappingIndex) => {
      const at = (field: string) => ["containerDefinitions", index, "portMappings", mappingIndex, field];
      if (networkMode === "none") return report(at("containerPort"), "Port mappings are not allowed with network mode none.");
      if (mapping.name !== undefined) {
        if (portNames.has(mapping.name)) report(at("name"), `Another port mapping is already named ${mapping.name}.`);
        portNames.add(mapping.name);
      }
      if (mapping.containerPortRange !== undefined) return;
      if (mapping.containerPort === undefined) return report(at("containerPort"), "Container port is required.");
      if (shared && mapping.hostPort !== undefined && mapping.hostPort !== mapping.containerPort) {
        report(at("hostPort"), `With network mode ${networkMode}, the host port must equal the container port or be left out.`);
      }
      const key = `${mapping.containerPort}/${mapping.protocol ?? "tcp"}`;
      if (inContainer.has(key)) return report(at("containerPort"), `Port ${key} is already mapped in this container.`);
      inContainer.add(key);
      const taskPort = shared ? mapping.containerPort : mapping.hostPort;
      if (taskPort === undefined || taskPort === 0) return;
      const taskKey = `${taskPort}/${mapping.protocol ?? "tcp"}`;
      const owner = taskPorts.get(taskKey);
      if (owner !== undefined) {
        report(at(shared ? "containerPort" : "hostPort"), `Port ${taskKey} is already used by container ${owner + 1}.`);
      }
      taskPorts.set(taskKey, index);
    });
  });
}
