import "server-only";
import { headers } from "next/headers";
import { decodeSegment } from "@/lib/url-segment";
import { PATH_HEADER } from "@/server/security/headers";

/**
 * What a not-found page needs of its request: Next gives it no params, and renders it beside
 * every page of its segment, so it reads the path and query the proxy forwarded and answers
 * only for its own route.
 */
export interface RouteMatch<K extends string = string> {
  /** The route's named segments, decoded: K names those the route has. */
  params: Record<K, string>;
  query: URLSearchParams;
}

/** routeMatch("/clusters/[cluster]/tasks/[task]") on /clusters/demo/tasks/abc → params { cluster: "demo", task: "abc" }. */
export async function routeMatch<K extends string>(route: string): Promise<RouteMatch<K> | undefined> {
  const path = (await headers()).get(PATH_HEADER);
  return path ? matchRoute<K>(route, path) : undefined;
}

export function matchRoute<K extends string = string>(route: string, pathAndQuery: string): RouteMatch<K> | undefined {
  const [path = "", query = ""] = pathAndQuery.split("?", 2);
  const patterns = route.split("/").filter(Boolean);
  const segments = path.split("/").filter(Boolean);
  if (patterns.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, pattern] of patterns.entries()) {
    const name = /^\[(\w+)\]$/.exec(pattern)?.[1];
    if (name) params[name] = decodeSegment(segments[index]!);
    else if (pattern !== segments[index]) return undefined;
  }
  return { params: params as Record<K, string>, query: new URLSearchParams(query) };
}
