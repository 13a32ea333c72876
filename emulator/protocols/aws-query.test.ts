import { describe, expect, it } from "vitest";
import { AwsError } from "./aws-error";
import { checkQueryVersion, decodeQueryRequest, encodeQueryError, encodeQueryResult, isFormEncoded } from "./aws-query";
import { xmlElement } from "./xml";

const NS = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";

function decodeCode(body: string): string | undefined {
  try {
    decodeQueryRequest(body);
    return undefined;
  } catch (error) {
    return error instanceof AwsError ? `${error.statusCode} ${error.code}` : `crash ${String(error)}`;
  }
}

describe("decoding an AWS Query request", () => {
  it("keeps Action and Version apart from the input", () => {
    expect(decodeQueryRequest("Action=DescribeLoadBalancers&Version=2015-12-01&PageSize=10")).toEqual({
      action: "DescribeLoadBalancers",
      version: "2015-12-01",
      input: { PageSize: "10" },
    });
  });

  it("builds lists in index order, compacting gaps and ignoring send order", () => {
    const { input } = decodeQueryRequest("Action=X&Names.member.10=c&Names.member.2=b&Names.member.1=a");
    expect(input).toEqual({ Names: ["a", "b", "c"] });
  });

  it("nests lists inside structures inside lists", () => {
    const { input } = decodeQueryRequest(
      "Action=X&Actions.member.1.ForwardConfig.TargetGroups.member.2.Weight=10" +
        "&Actions.member.1.ForwardConfig.TargetGroups.member.2.TargetGroupArn=green" +
        "&Actions.member.1.Type=forward",
    );
    expect(input).toEqual({
      Actions: [{ ForwardConfig: { TargetGroups: [{ Weight: "10", TargetGroupArn: "green" }] }, Type: "forward" }],
    });
  });

  it("decodes maps from entry.N.key and entry.N.value", () => {
    const { input } = decodeQueryRequest(
      "Action=X&Attributes.entry.2.key=b&Attributes.entry.2.value=2&Attributes.entry.1.key=a&Attributes.entry.1.value=",
    );
    expect(input).toEqual({ Attributes: { a: "", b: "2" } });
  });

  it("decodes an empty structure member as the empty list the SDK meant, but keeps empty list items", () => {
    const { input } = decodeQueryRequest("Action=X&Conditions=&Values.member.1=");
    expect(input).toEqual({ Conditions: [], Values: [""] });
  });

  it("decodes form escapes: plus as space and percent-encoded UTF-8", () => {
    const { input } = decodeQueryRequest("Action=X&Name=a+b%26c%3D%C3%A9");
    expect(input).toEqual({ Name: "a b&c=é" });
  });

  it("treats __proto__ as an ordinary name", () => {
    const { input } = decodeQueryRequest("Action=X&__proto__.polluted=yes");
    expect(Object.keys(input)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("rejects a missing or empty Action with MissingAction", () => {
    expect(decodeCode("Version=2015-12-01&Names.member.1=a")).toBe("400 MissingAction");
    expect(decodeCode("Action=&Version=2015-12-01")).toBe("400 MissingAction");
    expect(decodeCode("")).toBe("400 MissingAction");
  });

  it.each([
    ["an index of zero", "Action=X&Names.member.0=a"],
    ["a non-numeric index", "Action=X&Names.member.one=a"],
    ["a missing index", "Action=X&Names.member=a"],
    ["a negative index", "Action=X&Names.member.-1=a"],
    ["an index beyond safe integers", "Action=X&Names.member.99999999999999999999=a"],
    ["an empty path segment", "Action=X&A..B=a"],
    ["a value that is also a structure", "Action=X&A=1&A.B=2"],
    ["a list that is also a structure", "Action=X&A.member.1=1&A.B=2"],
    ["a repeated parameter", "Action=X&A=1&A=2"],
    ["a repeated Action", "Action=X&Action=Y"],
    ["a map entry without its key", "Action=X&M.entry.1.value=v"],
    ["a map entry naming neither key nor value", "Action=X&M.entry.1.other=v"],
    ["bad percent-encoding", "Action=X&Name=%ZZ"],
    ["an empty parameter name", "Action=X&=value"],
  ])("rejects %s with InvalidQueryParameter", (_, body) => {
    expect(decodeCode(body)).toBe("400 InvalidQueryParameter");
  });

  it("decodes the deepest key an ELBv2 input has (10 segments), and refuses one segment more with ValidationError", () => {
    const deepest = "Actions.member.1.JwtValidationConfig.AdditionalClaims.member.1.Values.member.1";
    const { input } = decodeQueryRequest(`Action=X&${deepest}=a`);
    expect(input).toEqual({ Actions: [{ JwtValidationConfig: { AdditionalClaims: [{ Values: ["a"] }] } }] });
    expect(decodeCode(`Action=X&${deepest}.Extra=a`)).toBe("400 ValidationError");
  });

  it("takes list indexes up to 1,000 and 10,000 parameters, and refuses more with ValidationError", () => {
    expect(decodeQueryRequest("Action=X&Names.member.1000=a").input).toEqual({ Names: ["a"] });
    expect(decodeCode("Action=X&Names.member.1001=a")).toBe("400 ValidationError");
    expect(decodeCode("Action=X&M.entry.1001.key=k&M.entry.1001.value=v")).toBe("400 ValidationError");
    const params = (count: number) => Array.from({ length: count }, (_, i) => `P${i}=v`).join("&");
    expect(Object.keys(decodeQueryRequest(`Action=X&${params(9_999)}`).input)).toHaveLength(9_999);
    expect(decodeCode(`Action=X&${params(10_000)}`)).toBe("400 ValidationError");
  });

  it("decodes thousands of nested list members without recursion trouble, and names a huge parameter only in part", () => {
    const members = Array.from({ length: 1000 }, (_, i) => `Targets.member.${i + 1}.Id=t${i}&Targets.member.${i + 1}.Port=80`).join("&");
    const { input } = decodeQueryRequest(`Action=X&${members}`);
    expect((input.Targets as unknown[]).length).toBe(1000);
    try {
      decodeQueryRequest(`Action=X&${"x".repeat(1_000_000)}..a=1`);
      throw new Error("accepted");
    } catch (error) {
      expect(error).toBeInstanceOf(AwsError);
      expect((error as Error).message.length).toBeLessThan(200);
    }
  });

  it("answers a wrong or missing Version with InvalidAction", () => {
    const wrong = decodeQueryRequest("Action=DescribeRules&Version=2012-06-01");
    expect(() => checkQueryVersion(wrong, "2015-12-01")).toThrow("Could not find operation DescribeRules for version 2012-06-01.");
    expect(() => checkQueryVersion(decodeQueryRequest("Action=DescribeRules"), "2015-12-01")).toThrow(
      "Could not find operation DescribeRules for version (none given).",
    );
    expect(() => checkQueryVersion(decodeQueryRequest("Action=A&Version=2015-12-01"), "2015-12-01")).not.toThrow();
  });

  it("recognises form content types with or without a charset", () => {
    expect(isFormEncoded("application/x-www-form-urlencoded")).toBe(true);
    expect(isFormEncoded("application/x-www-form-urlencoded; charset=utf-8")).toBe(true);
    expect(isFormEncoded("application/x-amz-json-1.1")).toBe(false);
    expect(isFormEncoded(undefined)).toBe(false);
  });
});

describe("encoding values as XML", () => {
  it("writes lists as members, Dates as ISO-8601, booleans and numbers as text, and skips absent members", () => {
    const xml = xmlElement("R", {
      Names: ["a", "b"],
      Empty: [],
      At: new Date(Date.UTC(2024, 0, 1)),
      On: false,
      Weight: 0.5,
      Gone: undefined,
      Null: null,
      Nested: { Inner: { Value: 1 } },
    });
    expect(xml).toBe(
      "<R><Names><member>a</member><member>b</member></Names><Empty/><At>2024-01-01T00:00:00.000Z</At>" +
        "<On>false</On><Weight>0.5</Weight><Nested><Inner><Value>1</Value></Inner></Nested></R>",
    );
  });

  it("escapes markup, quotes and line breaks in text", () => {
    expect(xmlElement("M", `<a href="x">Tom & Jerry's</a>\r\n`)).toBe(
      "<M>&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;&#x0D;&#x0A;</M>",
    );
  });

  it("wraps a result and request id in the operation's response element", () => {
    expect(encodeQueryResult("DeleteLoadBalancer", NS, "req-1", {})).toBe(
      `<DeleteLoadBalancerResponse xmlns="${NS}"><DeleteLoadBalancerResult/>` +
        "<ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></DeleteLoadBalancerResponse>",
    );
  });

  it("writes errors with the fault side taken from the status code", () => {
    expect(encodeQueryError(NS, "req-2", new AwsError("ValidationError", "Bad <input>"))).toBe(
      `<ErrorResponse xmlns="${NS}"><Error><Type>Sender</Type><Code>ValidationError</Code>` +
        "<Message>Bad &lt;input&gt;</Message></Error><RequestId>req-2</RequestId></ErrorResponse>",
    );
    expect(encodeQueryError(undefined, "req-3", new AwsError("InternalFailure", "Oops", 500))).toBe(
      "<ErrorResponse><Error><Type>Receiver</Type><Code>InternalFailure</Code>" +
        "<Message>Oops</Message></Error><RequestId>req-3</RequestId></ErrorResponse>",
    );
  });
});
