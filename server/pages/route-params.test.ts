import { describe, expect, it } from "vitest";
import { matchRoute } from "./route-params";

describe("matchRoute", () => {
  it("names the segments of a path of the route's shape, decoded, with its query", () => {
    expect(matchRoute("/clusters/[cluster]/tasks/[task]", "/clusters/demo/tasks/abc123")?.params).toEqual({ cluster: "demo", task: "abc123" });
    const family = matchRoute("/task-definitions/[family]", "/task-definitions/web%20app?before=12");
    expect(family?.params).toEqual({ family: "web app" });
    expect(family?.query.get("before")).toBe("12");
  });

  it("answers nothing for a path of another shape", () => {
    expect(matchRoute("/clusters/[cluster]", "/clusters/demo/services/web")).toBeUndefined();
    expect(matchRoute("/clusters/[cluster]/services/[service]", "/clusters/demo/tasks/abc")).toBeUndefined();
    expect(matchRoute("/clusters/[cluster]", "/")).toBeUndefined();
  });
});
