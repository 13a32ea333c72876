import { describe, expect, it } from "vitest";
import { AWS_ERROR_CODES, AWS_ERROR_TEXT, awsFailure } from "./aws-errors";

describe("AWS error codes", () => {
  it("gives every code its own title and message", () => {
    const titles = AWS_ERROR_CODES.map((code) => AWS_ERROR_TEXT[code].title);
    const messages = AWS_ERROR_CODES.map((code) => AWS_ERROR_TEXT[code].message);
    expect(new Set(titles).size).toBe(AWS_ERROR_CODES.length);
    expect(new Set(messages).size).toBe(AWS_ERROR_CODES.length);
    expect(Object.keys(AWS_ERROR_TEXT).sort()).toEqual([...AWS_ERROR_CODES].sort());
  });

  it("builds a failure with the code's message and AWS's own details beside it", () => {
    expect(awsFailure("not-found", { detail: "Cluster not found.", awsCode: "ClusterNotFoundException", requestId: "r-1" })).toEqual({
      code: "not-found",
      message: AWS_ERROR_TEXT["not-found"].message,
      detail: "Cluster not found.",
      awsCode: "ClusterNotFoundException",
      requestId: "r-1",
    });
  });

  it("is plain data that survives JSON, as it does between a route handler and the page", () => {
    const failure = awsFailure("throttled", { awsCode: "ThrottlingException" });
    expect(JSON.parse(JSON.stringify(failure))).toEqual(failure);
  });
});
