import { describe, expect, it } from "vitest";
import { awsFailure } from "@/lib/aws-errors";
import { failureOfResponse, isAwsFailure } from "./live-read";

describe("failureOfResponse", () => {
  it("passes on the AWS failure a route handler answered with", () => {
    const error = awsFailure("throttled", { awsCode: "ThrottlingException", requestId: "r-1" });
    expect(failureOfResponse(503, { error })).toEqual(error);
  });

  it("says the server is unreachable when a proxy in front of it answers 502 or 504", () => {
    expect(failureOfResponse(502, "<html>Bad gateway</html>")).toMatchObject({ code: "unreachable", detail: "HTTP 502" });
    expect(failureOfResponse(504, undefined)).toMatchObject({ code: "unreachable", detail: "HTTP 504" });
  });

  it("calls any other answer unexpected, with its status, rather than trusting a body that is not ours", () => {
    expect(failureOfResponse(500, { error: { code: "teapot", message: "short and stout" } })).toMatchObject({ code: "unknown", detail: "HTTP 500" });
  });
});

describe("isAwsFailure", () => {
  it("accepts only the closed set of codes with a message", () => {
    expect(isAwsFailure({ code: "not-found", message: "gone" })).toBe(true);
    expect(isAwsFailure({ code: "not-found" })).toBe(false);
    expect(isAwsFailure({ code: "gone", message: "gone" })).toBe(false);
    expect(isAwsFailure(null)).toBe(false);
  });
});
