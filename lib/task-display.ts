import type { PortView } from "@/lib/view-models/task-detail";

/** How a task's figures read on its page: sizes, ports, image digests and role names. */

const UNITS_PER_VCPU = 1024;

/** "256" CPU units → "0.25 vCPU"; anything ECS wrote otherwise ("1 vCPU") is kept as it is. */
export function formatCpu(cpu: string | undefined): string | undefined {
  if (!cpu) return undefined;
  if (!/^\d+$/.test(cpu.trim())) return cpu;
  const vcpu = Number(cpu) / UNITS_PER_VCPU;
  return `${Number(vcpu.toFixed(3))} vCPU`;
}

/** "512" MiB → "512 MiB", "2048" → "2 GiB"; "2 GB" as written. */
export function formatMemory(memory: string | undefined): string | undefined {
  if (!memory) return undefined;
  if (!/^\d+$/.test(memory.trim())) return memory;
  const mib = Number(memory);
  return mib >= 1024 && mib % 1024 === 0 ? `${mib / 1024} GiB` : `${mib} MiB`;
}

/** "0.25 vCPU · 512 MiB", or whichever of the two is known. */
export function formatTaskSize(cpu: string | undefined, memory: string | undefined): string | undefined {
  const parts = [formatCpu(cpu), formatMemory(memory)].filter(Boolean);
  return parts.length ? parts.join(" · ") : undefined;
}

/** "8080/tcp → 10.0.1.17:8080": the container's port, and where it answers when that is known. */
export function formatPort(port: PortView): string {
  const inside = `${port.containerPort ?? "?"}/${port.protocol ?? "tcp"}`;
  const outsidePort = port.hostPort ?? port.containerPort;
  if (!port.address) return port.hostPort !== undefined ? `${inside} → host port ${port.hostPort}` : inside;
  return `${inside} → ${port.address}:${outsidePort ?? "?"}`;
}

/** "sha256:4f5e…9a0b": enough of a digest to tell two apart; the page keeps the whole one to copy. */
export function shortDigest(digest: string): string {
  const [algorithm, hex] = digest.includes(":") ? digest.split(":", 2) : ["", digest];
  if (hex.length <= 16) return digest;
  return `${algorithm ? `${algorithm}:` : ""}${hex.slice(0, 12)}…`;
}

/** "arn:aws:iam::123:role/ecsTaskExecutionRole" → "ecsTaskExecutionRole". */
export function roleName(arn: string): string {
  const match = /:role\/(?:.*\/)?([^/]+)$/.exec(arn);
  return match ? match[1] : arn;
}
