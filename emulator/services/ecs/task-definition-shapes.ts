import { ClientException } from "./errors";

/**
 * A RegisterTaskDefinition request arrives as decoded JSON of any shape. Before any ECS rule
 * runs, each member the ECS model knows is checked against its JSON type, so a wrong type is a
 * ClientException naming the field rather than a crash further on. Members the model does not
 * know are dropped, as ECS ignores them; JSON null means "absent", as in the AWS JSON protocol.
 */
export type FieldSpec =
  | "string"
  | "integer"
  | "boolean"
  | "stringList"
  | "stringMap"
  | "object"
  | "objectList"
  | { readonly shape: Shape }
  | { readonly listOf: Shape };

export interface Shape {
  readonly [member: string]: FieldSpec;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Reads `value` as the SDK type `T` described by `shape`. The cast is the one place where
 * unchecked JSON becomes a typed request; the shape is what makes it safe.
 */
export function readShaped<T>(value: unknown, shape: Shape, path = ""): T {
  return readShape(value, shape, path) as unknown as T;
}

function readShape(value: unknown, shape: Shape, path: string): Record<string, unknown> {
  if (!isRecord(value)) throw typeError(path || "request", "an object");
  const out: Record<string, unknown> = {};
  for (const [member, spec] of Object.entries(shape)) {
    const raw = value[member];
    if (raw === undefined || raw === null) continue;
    out[member] = readField(raw, spec, path ? `${path}.${member}` : member);
  }
  return out;
}

function readField(value: unknown, spec: FieldSpec, path: string): unknown {
  if (typeof spec === "object") {
    return "shape" in spec
      ? readShape(value, spec.shape, path)
      : readList(value, path, (item, itemPath) => readShape(item, spec.listOf, itemPath));
  }
  switch (spec) {
    case "string":
      return checked(value, typeof value === "string", path, "a string");
    case "integer":
      return checked(value, Number.isSafeInteger(value), path, "an integer");
    case "boolean":
      return checked(value, typeof value === "boolean", path, "a boolean");
    case "object":
      return checked(value, isRecord(value), path, "an object");
    case "stringMap":
      return checked(value, isRecord(value) && Object.values(value).every((v) => typeof v === "string"), path, "a map of strings");
    case "stringList":
      return readList(value, path, (item, itemPath) => checked(item, typeof item === "string", itemPath, "a string"));
    case "objectList":
      return readList(value, path, (item, itemPath) => checked(item, isRecord(item), itemPath, "an object"));
  }
}

function readList(value: unknown, path: string, readItem: (item: unknown, itemPath: string) => unknown): unknown[] {
  if (!Array.isArray(value)) throw typeError(path, "a list");
  return value.map((item, index) => readItem(item, `${path}[${index}]`));
}

function checked(value: unknown, ok: boolean, path: string, what: string): unknown {
  if (!ok) throw typeError(path, what);
  return value;
}

function typeError(path: string, what: string): ClientException {
  return new ClientException(`Invalid type for '${path}': expected ${what}.`);
}

/** The members of RegisterTaskDefinitionRequest and its parts, as the ECS model types them. */
const KEY_VALUE: Shape = { name: "string", value: "string" };
const SECRET: Shape = { name: "string", valueFrom: "string" };
const TAG: Shape = { key: "string", value: "string" };

const PORT_MAPPING: Shape = {
  containerPort: "integer",
  hostPort: "integer",
  protocol: "string",
  name: "string",
  appProtocol: "string",
  containerPortRange: "string",
};

const HEALTH_CHECK: Shape = {
  command: "stringList",
  interval: "integer",
  timeout: "integer",
  retries: "integer",
  startPeriod: "integer",
};

const LOG_CONFIGURATION: Shape = { logDriver: "string", options: "stringMap", secretOptions: { listOf: SECRET } };

export const CONTAINER_DEFINITION: Shape = {
  name: "string",
  image: "string",
  repositoryCredentials: "object",
  cpu: "integer",
  memory: "integer",
  memoryReservation: "integer",
  links: "stringList",
  portMappings: { listOf: PORT_MAPPING },
  essential: "boolean",
  restartPolicy: "object",
  entryPoint: "stringList",
  command: "stringList",
  environment: { listOf: KEY_VALUE },
  environmentFiles: "objectList",
  mountPoints: { listOf: { sourceVolume: "string", containerPath: "string", readOnly: "boolean" } },
  volumesFrom: { listOf: { sourceContainer: "string", readOnly: "boolean" } },
  linuxParameters: "object",
  secrets: { listOf: SECRET },
  dependsOn: { listOf: { containerName: "string", condition: "string" } },
  startTimeout: "integer",
  stopTimeout: "integer",
  versionConsistency: "string",
  hostname: "string",
  user: "string",
  workingDirectory: "string",
  disableNetworking: "boolean",
  privileged: "boolean",
  readonlyRootFilesystem: "boolean",
  dnsServers: "stringList",
  dnsSearchDomains: "stringList",
  extraHosts: "objectList",
  dockerSecurityOptions: "stringList",
  interactive: "boolean",
  pseudoTerminal: "boolean",
  dockerLabels: "stringMap",
  ulimits: "objectList",
  logConfiguration: { shape: LOG_CONFIGURATION },
  healthCheck: { shape: HEALTH_CHECK },
  systemControls: "objectList",
  resourceRequirements: "objectList",
  firelensConfiguration: "object",
  credentialSpecs: "stringList",
};

const VOLUME: Shape = {
  name: "string",
  host: "object",
  dockerVolumeConfiguration: "object",
  efsVolumeConfiguration: "object",
  fsxWindowsFileServerVolumeConfiguration: "object",
  configuredAtLaunch: "boolean",
};

export const REGISTER_TASK_DEFINITION: Shape = {
  family: "string",
  taskRoleArn: "string",
  executionRoleArn: "string",
  networkMode: "string",
  containerDefinitions: { listOf: CONTAINER_DEFINITION },
  volumes: { listOf: VOLUME },
  placementConstraints: "objectList",
  requiresCompatibilities: "stringList",
  cpu: "string",
  memory: "string",
  tags: { listOf: TAG },
  pidMode: "string",
  ipcMode: "string",
  proxyConfiguration: "object",
  inferenceAccelerators: "objectList",
  ephemeralStorage: "object",
  runtimePlatform: { shape: { cpuArchitecture: "string", operatingSystemFamily: "string" } },
  enableFaultInjection: "boolean",
};

export const DESCRIBE_TASK_DEFINITION: Shape = { taskDefinition: "string", include: "stringList" };
export const DEREGISTER_TASK_DEFINITION: Shape = { taskDefinition: "string" };
export const DELETE_TASK_DEFINITIONS: Shape = { taskDefinitions: "stringList" };
export const LIST_TASK_DEFINITIONS: Shape = {
  familyPrefix: "string",
  status: "string",
  sort: "string",
  nextToken: "string",
  maxResults: "integer",
};
export const LIST_TASK_DEFINITION_FAMILIES: Shape = {
  familyPrefix: "string",
  status: "string",
  nextToken: "string",
  maxResults: "integer",
};
