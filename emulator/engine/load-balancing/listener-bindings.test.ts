import { describe, expect, it } from "vitest";
import { candidatePorts } from "./listener-bindings";

describe("candidatePorts", () => {
  it("tries an unprivileged listener port first, then 10000 + port upward", () => {
    expect(candidatePorts(8080, undefined).slice(0, 3)).toEqual([8080, 18080, 18081]);
  });

  it("moves privileged ports up by 10000", () => {
    expect(candidatePorts(80, undefined).slice(0, 2)).toEqual([10080, 10081]);
  });

  it("prefers the port a listener had before a restart", () => {
    expect(candidatePorts(80, 10081)[0]).toBe(10081);
  });

  it("never offers a port above 65535", () => {
    expect(Math.max(...candidatePorts(65000, undefined))).toBe(65000);
  });
});
