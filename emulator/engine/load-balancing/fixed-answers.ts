import type { FixedResponseActionConfig, RedirectActionConfig } from "@aws-sdk/client-elastic-load-balancing-v2";
import type { OutgoingHttpHeaders } from "node:http";

/** What ALB answers itself, without a target: fixed-response and redirect actions. */
export interface DirectAnswer {
  status: number;
  headers: OutgoingHttpHeaders;
  body: string;
}

const LB_SERVER = { server: "awselb/2.0" };

export function fixedResponse(config: FixedResponseActionConfig | undefined): DirectAnswer {
  const status = Number(config?.StatusCode);
  return {
    status: Number.isInteger(status) && status >= 200 && status <= 599 ? status : 503,
    headers: { ...LB_SERVER, "content-type": config?.ContentType ?? "text/plain; charset=utf-8" },
    body: config?.MessageBody ?? "",
  };
}

/** The request as ALB sees it, for the #{…} placeholders. */
export interface RedirectSource {
  /** The listener's protocol, lower case. */
  protocol: string;
  host: string;
  /** The listener's port. */
  port: number;
  /** The path with its leading "/". */
  path: string;
  /** Without "?". */
  query: string;
}

export interface RedirectLocation {
  protocol: string;
  host: string;
  port: number;
  pathAndQuery: string;
}

/**
 * A redirect's Location, with ALB's defaults (#{protocol}://#{host}:#{port}/#{path}?#{query}).
 * `localize` lets the caller point a redirect to one of its own listeners at the port where
 * that listener really answers.
 */
export function redirectAnswer(
  config: RedirectActionConfig | undefined,
  source: RedirectSource,
  localize: (location: RedirectLocation) => RedirectLocation = (location) => location,
): DirectAnswer {
  const fill = (template: string) =>
    template
      .replace(/#\{protocol\}/g, source.protocol)
      .replace(/#\{host\}/g, source.host)
      .replace(/#\{port\}/g, String(source.port))
      .replace(/#\{path\}/g, source.path.replace(/^\//, ""))
      .replace(/#\{query\}/g, source.query);
  const query = fill(config?.Query ?? "#{query}");
  const location = localize({
    protocol: fill(config?.Protocol ?? "#{protocol}").toLowerCase(),
    host: fill(config?.Host ?? "#{host}"),
    port: Number(fill(config?.Port ?? "#{port}")),
    pathAndQuery: fill(config?.Path ?? "/#{path}") + (query ? `?${query}` : ""),
  });
  const defaultPort = (location.protocol === "https" && location.port === 443) || (location.protocol === "http" && location.port === 80);
  const url = `${location.protocol}://${location.host}${defaultPort ? "" : `:${location.port}`}${location.pathAndQuery}`;
  return {
    status: config?.StatusCode === "HTTP_301" ? 301 : 302,
    headers: { ...LB_SERVER, location: url, "content-type": "text/html" },
    body: "",
  };
}
