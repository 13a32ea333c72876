import type { Action, Listener } from "@aws-sdk/client-elastic-load-balancing-v2";
import type { IncomingMessage } from "node:http";
import { loadBalancerErrorPage, type ProxyDecision } from "../../dataplane/listener-proxy";
import { chooseActions, hostWithoutPort, requestFacts, terminalAction, type RequestFacts } from "../../dataplane/rule-matching";
import type { ElbState } from "../../store/elb-state";
import type { Clock } from "../clock";
import { fixedResponse, redirectAnswer, type RedirectLocation } from "./fixed-answers";
import { forwardGroups, stickinessCookie, stickyGroup, targetHost, TargetRotation, WeightedGroupChooser } from "./forwarding";
import type { TrafficCounters } from "./traffic-counters";

export interface RouterDeps {
  elb: ElbState;
  clock: Clock;
  counters: TrafficCounters;
  /** Where a listener of this emulator really answers, if it is bound. */
  localPortOf(listenerArn: string): number | undefined;
}

/** ALB's default when stickiness is on without a duration. */
const DEFAULT_STICKINESS_SECONDS = 3600;

/**
 * Turns a request on a listener into what the proxy should do, reading the listener, its
 * rules and target groups as they are at this moment, so API changes apply to the next request.
 */
export class ListenerRouter {
  private readonly chooser = new WeightedGroupChooser();
  private readonly rotation = new TargetRotation();

  constructor(private readonly deps: RouterDeps) {}

  route(listenerArn: string, req: IncomingMessage, localPort: number): ProxyDecision {
    const listener = this.deps.elb.listeners.get(listenerArn)?.listener;
    if (!listener) return errorAnswer(503);
    const facts = requestFacts(req.method, req.url, req.headers, req.socket.remoteAddress);
    const rules = [...this.deps.elb.rulesOf(listenerArn)].map((record) => record.rule);
    const chosen = chooseActions(listener.DefaultActions, rules, facts);
    const action = terminalAction(chosen.actions);
    const actionKey = chosen.rule?.RuleArn ?? `${listenerArn}#default`;
    switch (action?.Type) {
      case "forward":
        return this.forward(actionKey, action, facts);
      case "fixed-response":
        return { kind: "respond", ...fixedResponse(action.FixedResponseConfig) };
      case "redirect":
        return { kind: "respond", ...redirectAnswer(action.RedirectConfig, this.redirectSource(listener, facts, localPort), (l) => this.localize(listener, facts, l)) };
      default:
        return errorAnswer(503);
    }
  }

  /** A deleted group's round-robin cursor goes with it. */
  forget(targetGroupArn: string): void {
    this.rotation.forget(targetGroupArn);
  }

  private forward(actionKey: string, action: Action, facts: RequestFacts): ProxyDecision {
    const groups = forwardGroups(action);
    const stickiness = action.ForwardConfig?.TargetGroupStickinessConfig;
    const cookie = facts.headers.cookie;
    const sticky = stickiness?.Enabled ? stickyGroup(Array.isArray(cookie) ? cookie.join("; ") : cookie, groups) : undefined;
    const group = sticky ?? this.chooser.choose(actionKey, groups);
    if (!group) return errorAnswer(503);
    const arn = group.targetGroupArn;
    const onDone = (status: number) => this.deps.counters.record(arn, Math.floor(this.deps.clock.nowMs() / 1000), status);
    const record = this.deps.elb.targetGroups.get(arn);
    const target = record ? this.rotation.next(arn, record.targets) : undefined;
    if (!target) return { ...errorAnswer(503), onDone };
    const responseHeaders = stickiness?.Enabled
      ? { "set-cookie": stickinessCookie(arn, stickiness.DurationSeconds ?? DEFAULT_STICKINESS_SECONDS, this.deps.clock.timeScale) }
      : undefined;
    return { kind: "forward", upstream: { host: targetHost(target.id), port: target.port }, responseHeaders, onDone };
  }

  private redirectSource(listener: Listener, facts: RequestFacts, localPort: number) {
    return {
      protocol: (listener.Protocol ?? "http").toLowerCase(),
      host: hostWithoutPort(facts.host ?? "127.0.0.1"),
      port: listener.Port ?? localPort,
      path: facts.path,
      query: facts.query,
    };
  }

  /** A redirect to another listener of the same load balancer goes where that listener answers, over plain HTTP. */
  private localize(listener: Listener, facts: RequestFacts, location: RedirectLocation): RedirectLocation {
    if (location.host !== hostWithoutPort(facts.host ?? "")) return location;
    for (const sibling of this.deps.elb.listenersOf(listener.LoadBalancerArn ?? "")) {
      if (sibling.listener.Port !== location.port) continue;
      const localPort = this.deps.localPortOf(sibling.listener.ListenerArn ?? "");
      if (localPort !== undefined) return { ...location, protocol: "http", port: localPort };
    }
    return location;
  }
}

function errorAnswer(status: number): Extract<ProxyDecision, { kind: "respond" }> {
  return { kind: "respond", status, ...loadBalancerErrorPage(status) };
}
