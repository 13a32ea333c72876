import { describe, expect, it } from "vitest";
import { formatCpu, formatMemory, formatPort, formatTaskSize, roleName, shortDigest } from "./task-display";

describe("task sizes", () => {
  it("reads CPU units as vCPUs and memory in MiB or whole GiB", () => {
    expect(formatCpu("256")).toBe("0.25 vCPU");
    expect(formatCpu("1024")).toBe("1 vCPU");
    expect(formatCpu("1 vCPU")).toBe("1 vCPU");
    expect(formatMemory("512")).toBe("512 MiB");
    expect(formatMemory("2048")).toBe("2 GiB");
    expect(formatMemory("1536")).toBe("1536 MiB");
    expect(formatMemory("2 GB")).toBe("2 GB");
  });

  it("joins what is known, and has nothing to say when neither is", () => {
    expect(formatTaskSize("512", "1024")).toBe("0.5 vCPU · 1 GiB");
    expect(formatTaskSize(undefined, "512")).toBe("512 MiB");
    expect(formatTaskSize(undefined, undefined)).toBeUndefined();
  });
});

describe("formatPort", () => {
  it("shows a binding's address and host port", () => {
    expect(formatPort({ containerPort: 8080, hostPort: 49152, protocol: "tcp", address: "127.0.0.1" })).toBe("8080/tcp → 127.0.0.1:49152");
  });

  it("shows an awsvpc port on the task's own address at the container's port", () => {
    expect(formatPort({ containerPort: 8080, protocol: "tcp", address: "10.0.1.17" })).toBe("8080/tcp → 10.0.1.17:8080");
  });

  it("shows what is known when the address is not", () => {
    expect(formatPort({ containerPort: 53, protocol: "udp" })).toBe("53/udp");
    expect(formatPort({ containerPort: 80, hostPort: 8080 })).toBe("80/tcp → host port 8080");
  });
});

describe("shortDigest", () => {
  it("keeps the algorithm and the first 12 hex digits", () => {
    expect(shortDigest(`sha256:${"ab".repeat(32)}`)).toBe("sha256:abababababab…");
  });

  it("leaves a short value whole", () => {
    expect(shortDigest("sha256:abc")).toBe("sha256:abc");
  });
});

describe("roleName", () => {
  it("takes the role's name from its ARN, past any path", () => {
    expect(roleName("arn:aws:iam::000000000000:role/ecsTaskExecutionRole")).toBe("ecsTaskExecutionRole");
    expect(roleName("arn:aws:iam::000000000000:role/service-role/web-task")).toBe("web-task");
  });

  it("leaves anything else as it is", () => {
    expect(roleName("web-task")).toBe("web-task");
  });
});
