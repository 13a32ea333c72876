import { describe, expect, it } from "vitest";
import { dashboardEnvironment } from "./dashboard";

describe("dashboardEnvironment", () => {
  const target = { endpoint: "http://127.0.0.1:4510", region: "eu-west-1" };

  it("points the dashboard at local ECS with dummy credentials", () => {
    const env = dashboardEnvironment({ ...process.env, PATH: "/usr/bin" }, target);
    expect(env).toMatchObject({
      PATH: "/usr/bin",
      SLIPWAY_TARGET: "local",
      AWS_ENDPOINT_URL: "http://127.0.0.1:4510",
      AWS_REGION: "eu-west-1",
      AWS_ACCESS_KEY_ID: "local-ecs",
      AWS_SECRET_ACCESS_KEY: "local-ecs",
    });
  });

  it("drops the user's own AWS settings, which could send it elsewhere or sign with real keys", () => {
    const env = dashboardEnvironment(
      { ...process.env, AWS_PROFILE: "prod", AWS_SESSION_TOKEN: "secret", AWS_ENDPOINT_URL_ECS: "https://ecs.us-east-1.amazonaws.com", AWS_SECRET_ACCESS_KEY: "real" },
      target,
    );
    expect(env.AWS_PROFILE).toBeUndefined();
    expect(env.AWS_SESSION_TOKEN).toBeUndefined();
    expect(env.AWS_ENDPOINT_URL_ECS).toBeUndefined();
    expect(env.AWS_SECRET_ACCESS_KEY).toBe("local-ecs");
  });

  it("leaves the user's AWS settings alone against real AWS, and says which target it is", () => {
    const env = dashboardEnvironment({ ...process.env, PATH: "/usr/bin", AWS_PROFILE: "prod", AWS_REGION: "eu-west-1", AWS_ENDPOINT_URL: undefined, AWS_ACCESS_KEY_ID: undefined }, "aws");
    expect(env).toMatchObject({ PATH: "/usr/bin", SLIPWAY_TARGET: "aws", AWS_PROFILE: "prod", AWS_REGION: "eu-west-1" });
    expect(env.AWS_ENDPOINT_URL).toBeUndefined();
    expect(env.AWS_ACCESS_KEY_ID).toBeUndefined();
  });
});
