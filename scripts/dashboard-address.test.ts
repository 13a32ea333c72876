import { createServer, type Server } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { dashboardUrl, firstFreePort } from "./dashboard";
import { dashboardAddress } from "./dashboard-address";

const held: Server[] = [];
afterEach(async () => {
  await Promise.all(held.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function occupy(port: number, host: string): Promise<void> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  held.push(server);
}

describe("dashboardAddress", () => {
  it("takes the first free port from 3000 on loopback when PORT and HOSTNAME are not set", async () => {
    const expected = await firstFreePort(3000, "127.0.0.1");
    expect(await dashboardAddress({})).toEqual({ host: "127.0.0.1", port: expected });
  });

  it("binds where HOSTNAME says, on the port PORT names", async () => {
    const port = await firstFreePort(3300, "0.0.0.0");
    expect(await dashboardAddress({ PORT: String(port), HOSTNAME: "0.0.0.0" })).toEqual({ host: "0.0.0.0", port });
  });

  it("refuses a PORT that is taken, rather than moving elsewhere quietly", async () => {
    const port = await firstFreePort(3400, "127.0.0.1");
    await occupy(port, "127.0.0.1");
    await expect(dashboardAddress({ PORT: String(port) })).rejects.toThrow(`PORT ${port} on 127.0.0.1 is in use`);
  });

  it("refuses a PORT that is not a port", async () => {
    for (const port of ["http", "0", "70000", "30.5"]) {
      await expect(dashboardAddress({ PORT: port })).rejects.toThrow("PORT must be a port number from 1 to 65535");
    }
  });
});

describe("dashboardUrl", () => {
  it("names loopback and every-interface binds as localhost, anything else as itself", () => {
    expect(dashboardUrl("127.0.0.1", 3000)).toBe("http://localhost:3000");
    expect(dashboardUrl("0.0.0.0", 8080)).toBe("http://localhost:8080");
    expect(dashboardUrl("::", 8080)).toBe("http://localhost:8080");
    expect(dashboardUrl("10.1.2.3", 3000)).toBe("http://10.1.2.3:3000");
    expect(dashboardUrl("fd00::5", 3000)).toBe("http://[fd00::5]:3000");
  });
});
