import type { ContainerDefinition, NetworkMode, PortMapping } from "@aws-sdk/client-ecs";
import { ClientException } from "./errors";

/**
 * Port mapping rules of RegisterTaskDefinition. With awsvpc and host networking every
 * container of a task shares one network namespace, so container ports must be unique across
 * the task and host ports must equal container ports; with bridge, host ports are what clash.
 */
const PROTOCOLS = ["tcp", "udp"];
const APP_PROTOCOLS = ["http", "http2", "grpc"];
const MAX_PORT = 65535;

export function validatePortMappings(containers: ContainerDefinition[], networkMode: NetworkMode): void {
  const taskPorts = new Map<string, string>();
  const portNames = new Set<string>();
  for (const container of containers) {
    const name = container.name!;
    const mappings = container.portMappings ?? [];
    if (mappings.length > 0 && networkMode === "none") {
      throw new ClientException(`Port mappings are not supported when networkMode=none (container '${name}').`);
    }
    const containerPorts = new Set<string>();
    for (const mapping of mappings) {
      validateMapping(mapping, name, networkMode);
      claimPortName(mapping, portNames);
      if (mapping.containerPort === undefined) continue;
      const key = `${mapping.containerPort}/${mapping.protocol ?? "tcp"}`;
      if (containerPorts.has(key)) {
        throw new ClientException(`Container '${name}' maps container port ${key} more than once.`);
      }
      containerPorts.add(key);
      claimTaskPort(mapping, name, networkMode, taskPorts);
    }
  }
}

function validateMapping(mapping: PortMapping, container: string, networkMode: NetworkMode): void {
  if (mapping.containerPortRange !== undefined) {
    validatePortRange(mapping, container);
    return;
  }
  if (!isPort(mapping.containerPort, 1)) throw invalidSetting("containerPort", container);
  if (mapping.hostPort !== undefined && !isPort(mapping.hostPort, 0)) throw invalidSetting("hostPort", container);
  if (mapping.protocol !== undefined && !PROTOCOLS.includes(mapping.protocol)) throw invalidSetting("protocol", container);
  if (mapping.appProtocol !== undefined && !APP_PROTOCOLS.includes(mapping.appProtocol)) {
    throw invalidSetting("appProtocol", container);
  }
  const sharedNamespace = networkMode === "awsvpc" || networkMode === "host";
  if (sharedNamespace && mapping.hostPort !== undefined && mapping.hostPort !== mapping.containerPort) {
    throw new ClientException(`When networkMode=${networkMode}, the host ports and container ports in port mappings must match.`);
  }
}

/** `containerPortRange` ("8000-8010") stands instead of containerPort and cannot pick host ports. */
function validatePortRange(mapping: PortMapping, container: string): void {
  const match = /^(\d{1,5})-(\d{1,5})$/.exec(mapping.containerPortRange ?? "");
  const start = Number(match?.[1]);
  const end = Number(match?.[2]);
  if (!match || !isPort(start, 1) || !isPort(end, 1) || start >= end) throw invalidSetting("containerPortRange", container);
  if (mapping.containerPort !== undefined || mapping.hostPort !== undefined) {
    throw new ClientException(
      `Invalid 'containerPortRange' setting for container '${container}'. It cannot be combined with containerPort or hostPort.`,
    );
  }
}

function claimPortName(mapping: PortMapping, names: Set<string>): void {
  if (mapping.name === undefined) return;
  if (mapping.name.trim() === "") throw new ClientException("Port mapping names should not be empty.");
  if (names.has(mapping.name)) {
    throw new ClientException(`Port mapping name '${mapping.name}' is used more than once in the task definition.`);
  }
  names.add(mapping.name);
}

function claimTaskPort(mapping: PortMapping, container: string, networkMode: NetworkMode, taken: Map<string, string>): void {
  const protocol = mapping.protocol ?? "tcp";
  const port = networkMode === "bridge" ? mapping.hostPort : mapping.containerPort;
  // A bridge host port of 0 (or none) asks Docker for a dynamic port, which never clashes.
  if (port === undefined || port === 0) return;
  const key = `${port}/${protocol}`;
  const owner = taken.get(key);
  if (owner !== undefined) {
    const kind = networkMode === "bridge" ? "Host" : "Container";
    throw new ClientException(`${kind} port ${key} is mapped by both container '${owner}' and container '${container}'.`);
  }
  taken.set(key, container);
}

function isPort(value: number | undefined, min: number): value is number {
  return value !== undefined && Number.isInteger(value) && value >= min && value <= MAX_PORT;
}

function invalidSetting(setting: string, container: string): ClientException {
  return new ClientException(`Invalid '${setting}' setting for container '${container}'.`);
}
