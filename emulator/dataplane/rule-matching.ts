import type { Action, Rule, RuleCondition } from "@aws-sdk/client-elastic-load-balancing-v2";
import { BlockList, isIP } from "node:net";

/**
 * ALB listener rule evaluation as pure functions: which rule a request matches and which of
 * its actions runs. The case rules follow the ALB guide: host names, header values and query
 * strings compare case-insensitively, paths and methods case-sensitively.
 */
export interface RequestFacts {
  method: string;
  /** The Host header as sent, port included. */
  host: string | undefined;
  /** The path without the query string. */
  path: string;
  /** The raw query string, without "?". */
  query: string;
  /** Node's lower-cased header map. */
  headers: Record<string, string | string[] | undefined>;
  /** The client's address as the socket reports it. */
  sourceIp: string;
}

export function requestFacts(
  method: string | undefined,
  url: string | undefined,
  headers: Record<string, string | string[] | undefined>,
  sourceIp: string | undefined,
): RequestFacts {
  const target = url ?? "/";
  const queryAt = target.indexOf("?");
  const host = headers.host;
  return {
    method: method ?? "GET",
    host: Array.isArray(host) ? host[0] : host,
    path: queryAt < 0 ? target : target.slice(0, queryAt),
    query: queryAt < 0 ? "" : target.slice(queryAt + 1),
    headers,
    sourceIp: sourceIp ?? "",
  };
}

/** Compiled patterns, shared by all listeners; bounded so odd traffic cannot grow it forever. */
const patternCache = new Map<string, RegExp>();
const PATTERN_CACHE_LIMIT = 2000;

function cached(key: string, build: () => RegExp): RegExp {
  let pattern = patternCache.get(key);
  if (!pattern) {
    if (patternCache.size >= PATTERN_CACHE_LIMIT) patternCache.clear();
    pattern = build();
    patternCache.set(key, pattern);
  }
  return pattern;
}

/** ALB wildcards: `*` is any run of characters, `?` exactly one. */
export function matchesWildcard(pattern: string, value: string, ignoreCase: boolean): boolean {
  const regex = cached(`w${ignoreCase ? "i" : "s"}:${pattern}`, () => {
    const body = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
    return new RegExp(`^${body}$`, ignoreCase ? "is" : "s");
  });
  return regex.test(value);
}

/** RegexValues; a pattern that does not compile matches nothing. */
function matchesRegex(pattern: string, value: string, ignoreCase: boolean): boolean {
  const regex = cached(`r${ignoreCase ? "i" : "s"}:${pattern}`, () => {
    try {
      return new RegExp(pattern, ignoreCase ? "i" : "");
    } catch {
      return /(?!)/;
    }
  });
  return regex.test(value);
}

function matchesAny(value: string, wildcards: string[] | undefined, regexes: string[] | undefined, ignoreCase: boolean): boolean {
  return (
    (wildcards ?? []).some((p) => matchesWildcard(p, value, ignoreCase)) ||
    (regexes ?? []).some((p) => matchesRegex(p, value, ignoreCase))
  );
}

/** "Example.com:8080" → "Example.com"; "[::1]:80" → "[::1]". */
export function hostWithoutPort(host: string): string {
  if (host.startsWith("[")) return host.slice(0, host.indexOf("]") + 1) || host;
  const colon = host.indexOf(":");
  return colon < 0 ? host : host.slice(0, colon);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** "a=1&b&c=%20" → [["a","1"],["b",""],["c"," "]]. */
export function queryPairs(query: string): Array<[string, string]> {
  if (query === "") return [];
  return query.split("&").filter(Boolean).map((part) => {
    const equals = part.indexOf("=");
    const key = equals < 0 ? part : part.slice(0, equals);
    const value = equals < 0 ? "" : part.slice(equals + 1);
    return [safeDecode(key), safeDecode(value)];
  });
}

const subnetCache = new Map<string, BlockList | undefined>();

/** Whether `ip` lies in `cidr` (IPv4 or IPv6); IPv4-mapped IPv6 addresses count as IPv4. */
export function ipInCidr(ip: string, cidr: string): boolean {
  if (!subnetCache.has(cidr)) {
    if (subnetCache.size >= PATTERN_CACHE_LIMIT) subnetCache.clear();
    subnetCache.set(cidr, parseSubnet(cidr));
  }
  const subnet = subnetCache.get(cidr);
  const family = isIP(ip);
  if (!subnet || family === 0) return false;
  return subnet.check(ip, family === 4 ? "ipv4" : "ipv6");
}

function parseSubnet(cidr: string): BlockList | undefined {
  const [address, prefixText] = cidr.trim().split("/");
  const family = isIP(address);
  if (family === 0) return undefined;
  const prefix = prefixText === undefined ? (family === 4 ? 32 : 128) : Number(prefixText);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > (family === 4 ? 32 : 128)) return undefined;
  const list = new BlockList();
  list.addSubnet(address, prefix, family === 4 ? "ipv4" : "ipv6");
  return list;
}

function headerValue(facts: RequestFacts, name: string): string | undefined {
  const value = facts.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(", ") : value;
}

/** One condition; any of its values may match. An unknown field matches nothing. */
export function conditionMatches(condition: RuleCondition, facts: RequestFacts): boolean {
  switch (condition.Field) {
    case "host-header": {
      const config = condition.HostHeaderConfig;
      const host = facts.host === undefined ? undefined : hostWithoutPort(facts.host);
      return host !== undefined && matchesAny(host, config?.Values ?? condition.Values, config?.RegexValues ?? condition.RegexValues, true);
    }
    case "path-pattern": {
      const config = condition.PathPatternConfig;
      return matchesAny(facts.path, config?.Values ?? condition.Values, config?.RegexValues ?? condition.RegexValues, false);
    }
    case "http-header": {
      const config = condition.HttpHeaderConfig;
      const value = config?.HttpHeaderName ? headerValue(facts, config.HttpHeaderName) : undefined;
      return value !== undefined && matchesAny(value, config?.Values, config?.RegexValues ?? condition.RegexValues, true);
    }
    case "http-request-method":
      return (condition.HttpRequestMethodConfig?.Values ?? []).includes(facts.method);
    case "query-string":
      return queryStringMatches(condition, facts);
    case "source-ip":
      return (condition.SourceIpConfig?.Values ?? []).some((cidr) => ipInCidr(facts.sourceIp, cidr));
    default:
      return false;
  }
}

/** A pair without a Key matches any parameter's value. */
function queryStringMatches(condition: RuleCondition, facts: RequestFacts): boolean {
  const pairs = queryPairs(facts.query);
  return (condition.QueryStringConfig?.Values ?? []).some(({ Key, Value }) =>
    pairs.some(([key, value]) =>
      (Key === undefined || matchesWildcard(safeDecode(Key), key, true)) && matchesWildcard(safeDecode(Value ?? ""), value, true),
    ),
  );
}

/** Every condition of the rule must match. */
export function ruleMatches(rule: Rule, facts: RequestFacts): boolean {
  return (rule.Conditions ?? []).every((condition) => conditionMatches(condition, facts));
}

function isDefaultRule(rule: Rule): boolean {
  return rule.IsDefault === true || rule.Priority === "default";
}

/** Non-default rules in evaluation order: ascending numeric priority. */
export function rulesInPriorityOrder(rules: Iterable<Rule>): Rule[] {
  return [...rules].filter((rule) => !isDefaultRule(rule)).sort((a, b) => Number(a.Priority) - Number(b.Priority));
}

export interface ChosenActions {
  actions: Action[];
  /** The matching rule; undefined when the listener's default actions apply. */
  rule?: Rule;
}

/** The first matching rule's actions, or the listener's default actions. */
export function chooseActions(defaultActions: Action[] | undefined, rules: Iterable<Rule>, facts: RequestFacts): ChosenActions {
  for (const rule of rulesInPriorityOrder(rules)) {
    if (ruleMatches(rule, facts)) return { actions: rule.Actions ?? [], rule };
  }
  return { actions: defaultActions ?? [] };
}

const TERMINAL_ACTIONS = new Set(["forward", "fixed-response", "redirect"]);

/**
 * The action that answers the request: the first forward, fixed-response or redirect by Order.
 * Authentication actions that precede it are let through (local ECS has no identity provider).
 */
export function terminalAction(actions: Action[]): Action | undefined {
  const ordered = [...actions].sort((a, b) => (a.Order ?? Infinity) - (b.Order ?? Infinity));
  return ordered.find((action) => action.Type !== undefined && TERMINAL_ACTIONS.has(action.Type));
}
