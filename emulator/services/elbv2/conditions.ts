import type { QueryStringKeyValuePair, RuleCondition } from "@aws-sdk/client-elastic-load-balancing-v2";
import { isIP } from "node:net";
import { ValidationError } from "./errors";
import { absent, optionalObject, optionalString, optionalStrings, readList, readObject, type QueryObject } from "./input";

/**
 * Rule conditions, validated with ALB's limits and kept in the form the client used (legacy
 * `Values`, or the field's `…Config`), as AWS echoes them. A rule has at most one each of
 * host-header, path-pattern, http-request-method and source-ip, any number of http-header
 * and query-string conditions, and at most five condition values (wildcards or regular
 * expressions) in all.
 */
const FIELDS = ["http-header", "http-request-method", "host-header", "path-pattern", "query-string", "source-ip"] as const;
type Field = (typeof FIELDS)[number];
const SINGLE_USE: readonly Field[] = ["host-header", "path-pattern", "http-request-method", "source-ip"];
const REGEX_FIELDS: readonly Field[] = ["host-header", "path-pattern", "http-header"];
const MAX_CONDITION_VALUES = 5;
const MAX_VALUE_LENGTH = 128;
const PATH_CHARS = /^[A-Za-z0-9_\-.$/~"'@:+&*?;%=]+$/;
const HOST_CHARS = /^[A-Za-z0-9\-.*?]+$/;
const METHOD_CHARS = /^[A-Z_-]+$/;
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+\-.^_`|~]+$/;

export function readConditions(value: unknown): RuleCondition[] {
  const conditions = readList(value, "Conditions").map((raw) => readCondition(readObject(raw, "RuleCondition")));
  if (conditions.length === 0) throw new ValidationError("A rule must have at least one condition.");
  for (const field of SINGLE_USE) {
    if (conditions.filter((condition) => condition.Field === field).length > 1) {
      throw new ValidationError(`A rule can have only one '${field}' condition.`);
    }
  }
  if (conditions.reduce((sum, condition) => sum + valueCount(condition), 0) > MAX_CONDITION_VALUES) {
    throw new ValidationError(`A rule can only have '${MAX_CONDITION_VALUES}' condition values.`);
  }
  return conditions;
}

function valueCount(condition: RuleCondition): number {
  const lists = [
    condition.Values,
    condition.RegexValues,
    condition.HostHeaderConfig?.Values,
    condition.HostHeaderConfig?.RegexValues,
    condition.PathPatternConfig?.Values,
    condition.PathPatternConfig?.RegexValues,
    condition.HttpHeaderConfig?.Values,
    condition.HttpHeaderConfig?.RegexValues,
    condition.HttpRequestMethodConfig?.Values,
    condition.QueryStringConfig?.Values,
    condition.SourceIpConfig?.Values,
  ];
  return lists.reduce((sum, list) => sum + (list?.length ?? 0), 0);
}

function readCondition(raw: QueryObject): RuleCondition {
  const field = optionalString(raw.Field, "Field");
  if (!field || !(FIELDS as readonly string[]).includes(field)) {
    throw new ValidationError(`Condition field '${field ?? ""}' must be one of '[${FIELDS.join(", ")}]'`);
  }
  if (!absent(raw.RegexValues) && !REGEX_FIELDS.includes(field as Field)) {
    throw new ValidationError("RegexValues can be specified only for http-header, host-header and path-pattern conditions");
  }
  switch (field as Field) {
    case "host-header":
      return readPatternCondition(raw, "host-header", "HostHeaderConfig", HOST_CHARS);
    case "path-pattern":
      return readPatternCondition(raw, "path-pattern", "PathPatternConfig", PATH_CHARS);
    case "http-header":
      return { Field: field, HttpHeaderConfig: readHttpHeader(raw.HttpHeaderConfig, raw.RegexValues) };
    case "http-request-method":
      return { Field: field, HttpRequestMethodConfig: { Values: readMethods(raw.HttpRequestMethodConfig) } };
    case "query-string":
      return { Field: field, QueryStringConfig: { Values: readQueryPairs(raw.QueryStringConfig) } };
    case "source-ip":
      return { Field: field, SourceIpConfig: { Values: readSourceIps(raw.SourceIpConfig) } };
  }
}

/** Regular expressions of at most 128 characters that compile. */
function readRegexes(value: unknown, field: string): string[] | undefined {
  const regexes = optionalStrings(value, "RegexValues");
  for (const pattern of regexes ?? []) {
    if (pattern.length > MAX_VALUE_LENGTH) throw new ValidationError(`The '${field}' value is too long; the limit is '${MAX_VALUE_LENGTH}'`);
    try {
      new RegExp(pattern);
    } catch {
      throw new ValidationError(`The '${field}' regular expression '${pattern}' is not valid.`);
    }
  }
  return regexes?.length ? regexes : undefined;
}

/** host-header and path-pattern: one legacy `Values` entry, or up to five in the config; or regexes. */
function readPatternCondition(raw: QueryObject, field: Field, configKey: "HostHeaderConfig" | "PathPatternConfig", chars: RegExp): RuleCondition {
  const config = optionalObject(raw[configKey], configKey);
  const legacy = { Values: optionalStrings(raw.Values, "Values"), RegexValues: readRegexes(raw.RegexValues, field) };
  if (config && (legacy.Values !== undefined || legacy.RegexValues !== undefined)) {
    throw new ValidationError(`Specify either Values or ${configKey} for a '${field}' condition, not both.`);
  }
  if (legacy.Values !== undefined && legacy.Values.length > 1) {
    throw new ValidationError(`The '${field}' field contains too many values; the limit is '1'`);
  }
  const chosen = config ? { Values: optionalStrings(config.Values, `${configKey}.Values`), RegexValues: readRegexes(config.RegexValues, field) } : legacy;
  const values = chosen.Values?.length ? chosen.Values : undefined;
  if (!values && !chosen.RegexValues) throw new ValidationError("A condition value must be specified");
  for (const value of values ?? []) {
    if (value.length > MAX_VALUE_LENGTH) throw new ValidationError(`The '${field}' value is too long; the limit is '${MAX_VALUE_LENGTH}'`);
    if (!chars.test(value)) throw new ValidationError(`The '${field}' value '${value}' contains characters that are not allowed.`);
  }
  const kept = { Values: values, RegexValues: chosen.RegexValues };
  return config ? { Field: field, [configKey]: kept } : { Field: field, ...kept };
}

function readHttpHeader(value: unknown, legacyRegexes: unknown): NonNullable<RuleCondition["HttpHeaderConfig"]> {
  const config = optionalObject(value, "HttpHeaderConfig");
  if (!config) throw new ValidationError("A 'HttpHeaderConfig' must be specified with 'http-header'");
  const name = optionalString(config.HttpHeaderName, "HttpHeaderName") ?? "";
  if (name === "") throw new ValidationError("A 'HttpHeaderName' must be specified in 'HttpHeaderConfig'");
  if (name.length > 40) throw new ValidationError("The 'HttpHeaderName' value is too long; the limit is '40'");
  if (!HEADER_NAME.test(name)) throw new ValidationError(`'${name}' is not a valid HTTP header name.`);
  const values = optionalStrings(config.Values, "HttpHeaderConfig.Values") ?? [];
  const regexes = readRegexes(config.RegexValues, "http-header") ?? readRegexes(legacyRegexes, "http-header");
  if (values.length === 0 && !regexes) throw new ValidationError("A condition value must be specified");
  for (const item of values) {
    if (item.length > MAX_VALUE_LENGTH) throw new ValidationError(`The 'http-header' value is too long; the limit is '${MAX_VALUE_LENGTH}'`);
  }
  return { HttpHeaderName: name, Values: values.length > 0 ? values : undefined, RegexValues: regexes };
}

function readMethods(value: unknown): string[] {
  const config = optionalObject(value, "HttpRequestMethodConfig");
  if (!config) throw new ValidationError("A 'HttpRequestMethodConfig' must be specified with 'http-request-method'");
  const values = optionalStrings(config.Values, "HttpRequestMethodConfig.Values") ?? [];
  if (values.length === 0) throw new ValidationError("A condition value must be specified");
  for (const method of values) {
    if (method.length > 40) throw new ValidationError("The 'http-request-method' value is too long; the limit is '40'");
    if (!METHOD_CHARS.test(method)) {
      throw new ValidationError("The 'http-request-method' value is invalid; the allowed characters are A-Z, hyphen and underscore");
    }
  }
  return values;
}

function readQueryPairs(value: unknown): QueryStringKeyValuePair[] {
  const config = optionalObject(value, "QueryStringConfig");
  if (!config) throw new ValidationError("A 'QueryStringConfig' must be specified with 'query-string'");
  const pairs = readList(config.Values ?? [], "QueryStringConfig.Values").map((item) => {
    const pair = readObject(item, "QueryStringKeyValuePair");
    const key = optionalString(pair.Key, "Key");
    const pairValue = optionalString(pair.Value, "Value");
    if (pairValue === undefined || pairValue === "") throw new ValidationError("A 'Value' must be specified in 'QueryStringKeyValuePair'");
    if ((key ?? "").length > MAX_VALUE_LENGTH) throw new ValidationError(`The 'Key' value is too long; the limit is '${MAX_VALUE_LENGTH}'`);
    if (pairValue.length > MAX_VALUE_LENGTH) throw new ValidationError(`The 'Value' value is too long; the limit is '${MAX_VALUE_LENGTH}'`);
    return key === undefined || key === "" ? { Value: pairValue } : { Key: key, Value: pairValue };
  });
  if (pairs.length === 0) throw new ValidationError("A condition value must be specified");
  return pairs;
}

function readSourceIps(value: unknown): string[] {
  const config = optionalObject(value, "SourceIpConfig");
  if (!config) throw new ValidationError("A 'SourceIpConfig' must be specified with 'source-ip'");
  const values = optionalStrings(config.Values, "SourceIpConfig.Values") ?? [];
  if (values.length === 0) throw new ValidationError("A 'source-ip' value must be specified");
  for (const cidr of values) {
    if (!isCidr(cidr)) throw new ValidationError(`The 'source-ip' value '${cidr}' is not a valid CIDR block.`);
  }
  return values;
}

function isCidr(value: string): boolean {
  const [address, bits, ...rest] = value.split("/");
  const family = isIP(address ?? "");
  if (rest.length > 0 || family === 0 || bits === undefined || !/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (family === 4 ? 32 : 128);
}
