import type { Compatibility, ContainerDefinition, NetworkMode, RegisterTaskDefinitionCommandInput, Volume } from "@aws-sdk/client-ecs";
import { FARGATE_SIZES, isFargateSize } from "../../../lib/ecs-rules/fargate-sizes";
import { ClientException } from "./errors";
import { NAME_PATTERN, validateContainers } from "./task-definition-container-validation";
import { REGISTER_TASK_DEFINITION, readShaped } from "./task-definition-shapes";

/**
 * Pure validation of a RegisterTaskDefinition request (spec §8 and the ECS API reference).
 * Every problem is a ClientException with ECS's wording where it is known; nothing here
 * touches state.
 */
export interface ValidatedRegistration {
  /** The request with only the members ECS knows, each of the JSON type ECS expects. */
  request: RegisterTaskDefinitionCommandInput;
  family: string;
  containers: ContainerDefinition[];
  networkMode: NetworkMode;
  requiresCompatibilities: Compatibility[];
  /** Task-level cpu in CPU units and memory in MiB, converted from the "1 vCPU" / "2 GB" forms. */
  cpu?: number;
  memory?: number;
  /** ECS lists FARGATE among a definition's compatibilities when it meets Fargate's rules. */
  fargateCompatible: boolean;
}

export const INVALID_TASK_CPU =
  "Invalid 'cpu' setting for task. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.";
export const INVALID_TASK_MEMORY =
  "Invalid 'memory' setting for task. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.";

const NETWORK_MODES: readonly string[] = ["awsvpc", "bridge", "host", "none"];
const COMPATIBILITIES: readonly string[] = ["EC2", "EXTERNAL", "FARGATE", "MANAGED_INSTANCES"];
const CPU_ARCHITECTURES: readonly string[] = ["X86_64", "ARM64"];
/** Task cpu on EC2 ranges from 0.125 to 192 vCPUs. */
const MIN_TASK_CPU = 128;
const MAX_TASK_CPU = 196_608;
const FARGATE_MAX_STOP_TIMEOUT = 120;

export function validateRegisterTaskDefinition(raw: unknown): ValidatedRegistration {
  const request = readShaped<RegisterTaskDefinitionCommandInput>(raw, REGISTER_TASK_DEFINITION);
  const family = validateFamily(request.family);
  const networkMode = validateNetworkMode(request.networkMode);
  const requiresCompatibilities = validateCompatibilities(request.requiresCompatibilities);
  validateRuntimePlatform(request);
  const cpu = request.cpu === undefined ? undefined : parseTaskCpu(request.cpu);
  const memory = request.memory === undefined ? undefined : parseTaskMemory(request.memory);
  const fargateSizeProblem = fargateTaskProblem(request, networkMode, cpu, memory);
  const fargateRequired = requiresCompatibilities.includes("FARGATE");
  if (fargateRequired && fargateSizeProblem) throw new ClientException(fargateSizeProblem);
  const volumeNames = validateVolumes(request.volumes ?? []);
  const containers = validateContainers(request.containerDefinitions, { networkMode, cpu, memory, volumeNames });
  const fargateContainerProblem = fargateContainersProblem(request, containers);
  if (fargateRequired && fargateContainerProblem) throw new ClientException(fargateContainerProblem);
  return {
    request,
    family,
    containers,
    networkMode,
    requiresCompatibilities,
    cpu,
    memory,
    fargateCompatible: !fargateSizeProblem && !fargateContainerProblem,
  };
}

function validateFamily(family: string | undefined): string {
  if (family === undefined || family === "") throw new ClientException("Family can not be blank.");
  if (family.length > 255) throw new ClientException("Family must be at most 255 characters.");
  if (!NAME_PATTERN.test(family)) throw new ClientException("Family contains invalid characters.");
  return family;
}

function validateNetworkMode(mode: string | undefined): NetworkMode {
  if (mode === undefined) return "bridge";
  if (!NETWORK_MODES.includes(mode)) {
    throw new ClientException(`Invalid 'networkMode' setting '${mode}'. Valid values are ${NETWORK_MODES.join(", ")}.`);
  }
  return mode as NetworkMode;
}

function validateCompatibilities(values: string[] | undefined): Compatibility[] {
  for (const value of values ?? []) {
    if (!COMPATIBILITIES.includes(value)) {
      throw new ClientException(`Invalid 'requiresCompatibilities' value '${value}'. Valid values are ${COMPATIBILITIES.join(", ")}.`);
    }
  }
  return [...new Set(values ?? [])] as Compatibility[];
}

function validateRuntimePlatform(request: RegisterTaskDefinitionCommandInput): void {
  const architecture = request.runtimePlatform?.cpuArchitecture;
  if (architecture !== undefined && !CPU_ARCHITECTURES.includes(architecture)) {
    throw new ClientException(`Invalid 'cpuArchitecture' setting '${architecture}'. Valid values are ${CPU_ARCHITECTURES.join(", ")}.`);
  }
}

/** "1024", "1 vCPU", "0.25 vcpu" → CPU units, as ECS converts them on registration. */
export function parseTaskCpu(value: string): number {
  const units = parseQuantity(value, /^(\d+(?:\.\d+)?|\.\d+)\s*vcpu$/i, 1024);
  if (units === undefined || units < MIN_TASK_CPU || units > MAX_TASK_CPU) throw new ClientException(INVALID_TASK_CPU);
  return units;
}

/** "2048", "2 GB", "2GB", "0.5GB" → MiB, as ECS converts them on registration. */
export function parseTaskMemory(value: string): number {
  const mib = parseQuantity(value, /^(\d+(?:\.\d+)?|\.\d+)\s*gb$/i, 1024);
  if (mib === undefined || mib < 1) throw new ClientException(INVALID_TASK_MEMORY);
  return mib;
}

/** A plain integer, or a number with a unit multiplied out; undefined unless a whole result. */
function parseQuantity(value: string, withUnit: RegExp, multiplier: number): number | undefined {
  const trimmed = value.trim();
  const unit = withUnit.exec(trimmed);
  const amount = unit ? Number(unit[1]) * multiplier : /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  return Number.isSafeInteger(amount) ? amount : undefined;
}

/** Why the task-level settings do not suit Fargate, in ECS's words; undefined when they do. */
function fargateTaskProblem(
  request: RegisterTaskDefinitionCommandInput,
  networkMode: NetworkMode,
  cpu: number | undefined,
  memory: number | undefined,
): string | undefined {
  if (networkMode !== "awsvpc") return "Fargate only supports network mode \u2018awsvpc\u2019.";
  if (cpu === undefined) return "Fargate requires that 'cpu' be defined at the task level.";
  if (memory === undefined) return "Fargate requires that 'memory' be defined at the task level.";
  if (!FARGATE_SIZES.has(cpu)) return INVALID_TASK_CPU;
  if (!isFargateSize(cpu, memory)) {
    return `No Fargate configuration exists for given values: ${cpu} CPU, ${memory} memory. See the Amazon ECS documentation for the valid values.`;
  }
  if (request.ipcMode !== undefined) return "Tasks using the Fargate launch type do not support ipcMode.";
  if (request.pidMode === "host") return "Tasks using the Fargate launch type do not support pidMode 'host'.";
  return undefined;
}

function fargateContainersProblem(request: RegisterTaskDefinitionCommandInput, containers: ContainerDefinition[]): string | undefined {
  for (const container of containers) {
    if (container.logConfiguration?.logDriver === "awslogs" && !request.executionRoleArn) {
      return "Fargate requires task definition to have execution role ARN to support log driver awslogs.";
    }
    if ((container.stopTimeout ?? 0) > FARGATE_MAX_STOP_TIMEOUT) {
      return `Invalid 'stopTimeout' setting for container '${container.name}'. Fargate allows at most ${FARGATE_MAX_STOP_TIMEOUT} seconds.`;
    }
  }
  return undefined;
}

function validateVolumes(volumes: Volume[]): Set<string> {
  const names = new Set<string>();
  for (const volume of volumes) {
    const name = volume.name;
    if (name === undefined || name === "") throw new ClientException("Volume.name should not be null or empty.");
    if (name.length > 255 || !NAME_PATTERN.test(name)) throw new ClientException("Volume.name contains invalid characters.");
    if (names.has(name)) throw new ClientException("Volume names must be unique within a Task Definition.");
    names.add(name);
  }
  return names;
}
