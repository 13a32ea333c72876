import type {
  CreateListenerCommandInput,
  CreateListenerCommandOutput,
  DeleteListenerCommandInput,
  DeleteListenerCommandOutput,
  DescribeListenersCommandInput,
  DescribeListenersCommandOutput,
  Listener,
  ModifyListenerCommandInput,
  ModifyListenerCommandOutput,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import type { Output, RequestContext } from "../../protocols/operation";
import { elbArn, newElbId } from "../../store/elb-arns";
import type { ListenerRecord, LoadBalancerRecord } from "../../store/elb-records";
import type { EcsWorld } from "../../world";
import { readActions } from "./actions";
import { DuplicateListener, ListenerNotFound, TooManyListeners, UnsupportedProtocol, ValidationError } from "./errors";
import {
  absent,
  maxItems,
  optionalEnum,
  optionalInteger,
  optionalList,
  optionalString,
  optionalStrings,
  readObject,
  requiredInteger,
  requiredString,
  sameJson,
} from "./input";
import { removeListener, storeListener, storeNewListener } from "./listener-store";
import { isNetwork, loadBalancerOfListener, requireArn, requireListener, requireLoadBalancer } from "./lookups";
import { paginate } from "./pagination";
import { putTags, readTags } from "./tags";

/**
 * Listeners. HTTPS (ALB) and TLS (NLB) listeners are accepted, with their certificate, so that
 * configurations written for AWS work unchanged; local ECS has no certificates to present and
 * serves them as plain HTTP and TCP. Certificate ARNs are stored as given, not checked.
 * UDP, TCP_UDP and QUIC listeners are refused: the local data plane proxies TCP only.
 */
const PROTOCOLS = ["HTTP", "HTTPS", "TCP", "TLS", "UDP", "TCP_UDP", "GENEVE", "QUIC", "TCP_QUIC"] as const;
const APPLICATION_PROTOCOLS = ["HTTP", "HTTPS"];
const NETWORK_PROTOCOLS = ["TCP", "TLS"];
const DEFAULT_SSL_POLICY = "ELBSecurityPolicy-2016-08";
const ALPN_POLICIES = ["HTTP1Only", "HTTP2Only", "HTTP2Optional", "HTTP2Preferred", "None"] as const;
const MAX_LISTENERS = 50;

function readProtocol(value: unknown, loadBalancer: LoadBalancerRecord): string {
  const protocol = optionalEnum(value, "Protocol", PROTOCOLS);
  if (!protocol) throw new ValidationError("A listener protocol must be specified");
  const network = isNetwork(loadBalancer);
  if ((network ? NETWORK_PROTOCOLS : APPLICATION_PROTOCOLS).includes(protocol)) return protocol;
  if (network && ["UDP", "TCP_UDP", "QUIC", "TCP_QUIC"].includes(protocol)) {
    throw new UnsupportedProtocol(`Local ECS proxies TCP only, so it does not support '${protocol}' listeners.`);
  }
  throw new UnsupportedProtocol(`Protocol '${protocol}' is not supported by ${network ? "Network" : "Application"} Load Balancers.`);
}

type Security = Pick<Listener, "Certificates" | "SslPolicy" | "AlpnPolicy">;

/** The default certificate, SSL policy and ALPN policy of an HTTPS or TLS listener; none for others. */
function readSecurity(input: { Certificates?: unknown; SslPolicy?: unknown; AlpnPolicy?: unknown }, protocol: string, current?: Listener): Security {
  const certificates = optionalList(input.Certificates, "Certificates")?.map((raw) => ({
    CertificateArn: requiredString(readObject(raw, "Certificate").CertificateArn, "CertificateArn"),
  }));
  const sslPolicy = optionalString(input.SslPolicy, "SslPolicy") || undefined;
  const alpn = optionalStrings(input.AlpnPolicy, "AlpnPolicy");
  if (protocol !== "HTTPS" && protocol !== "TLS") {
    if (certificates?.length || sslPolicy) throw new ValidationError("Certificates and SSL policies can be specified only for HTTPS and TLS listeners");
    return {};
  }
  if (certificates && certificates.length > 1) throw new ValidationError("Specify exactly one certificate: the listener's default certificate");
  const chosen = certificates?.length ? certificates : current?.Certificates;
  if (!chosen?.length) throw new ValidationError(`A certificate must be specified for ${protocol} listeners`);
  const alpnPolicy = alpn ? maxItems(alpn, 1, "AlpnPolicy").map((policy) => optionalEnum(policy, "AlpnPolicy", ALPN_POLICIES)!) : current?.AlpnPolicy;
  if (alpnPolicy?.length && protocol !== "TLS") throw new ValidationError("An ALPN policy can be specified only for TLS listeners");
  return { Certificates: chosen, SslPolicy: sslPolicy ?? current?.SslPolicy ?? DEFAULT_SSL_POLICY, AlpnPolicy: alpnPolicy };
}

function listenerOnPort(world: EcsWorld, loadBalancerArn: string, port: number): ListenerRecord | undefined {
  for (const record of world.elb.listenersOf(loadBalancerArn)) {
    if (record.listener.Port === port) return record;
  }
  return undefined;
}

function duplicateListener(loadBalancerArn: string): DuplicateListener {
  return new DuplicateListener(`A listener already exists on this port for this load balancer '${loadBalancerArn}'`);
}

/** CreateListener's idempotency: the same settings on the same port return the existing listener. */
function sameSettings(a: Listener, b: Listener): boolean {
  const settings = ({ ListenerArn: _arn, ...rest }: Listener) => rest;
  return sameJson(settings(a), settings(b));
}

function describeSelected(world: EcsWorld, input: DescribeListenersCommandInput): ListenerRecord[] {
  const loadBalancerArn = optionalString(input.LoadBalancerArn, "LoadBalancerArn") || undefined;
  const arns = optionalStrings(input.ListenerArns, "ListenerArns") ?? [];
  if (!loadBalancerArn && arns.length === 0) throw new ValidationError("You must specify either listener ARNs or a load balancer ARN");
  if (loadBalancerArn && arns.length > 0) throw new ValidationError("Listener ARNs and a load balancer ARN cannot be specified at the same time");
  if (loadBalancerArn) {
    requireLoadBalancer(world, loadBalancerArn);
    return [...world.elb.listenersOf(loadBalancerArn)];
  }
  return arns.map((arn) => {
    const record = world.elb.listeners.get(requireArn(arn, "ListenerArns", "listener"));
    if (!record) throw new ListenerNotFound("One or more listeners not found");
    return record;
  });
}

export function createListenerOperations(world: EcsWorld) {
  return {
    async CreateListener(_ctx: RequestContext, input: CreateListenerCommandInput): Promise<Output<CreateListenerCommandOutput>> {
      const loadBalancer = requireLoadBalancer(world, input.LoadBalancerArn);
      const loadBalancerArn = loadBalancer.loadBalancer.LoadBalancerArn!;
      const protocol = readProtocol(input.Protocol, loadBalancer);
      const port = requiredInteger(input.Port, "Port", 1, 65535);
      const security = readSecurity(input, protocol);
      const defaultActions = readActions(input.DefaultActions, { world, loadBalancer, listenerProtocol: protocol, field: "DefaultActions" });
      const tags = readTags(input.Tags);
      const listener: Listener = {
        ListenerArn: elbArn.listener(loadBalancerArn, newElbId()),
        LoadBalancerArn: loadBalancerArn,
        Port: port,
        Protocol: protocol as Listener["Protocol"],
        ...security,
        DefaultActions: defaultActions,
      };
      const existing = listenerOnPort(world, loadBalancerArn, port);
      if (existing) {
        if (sameSettings(existing.listener, listener)) return { Listeners: [existing.listener] };
        throw duplicateListener(loadBalancerArn);
      }
      if ([...world.elb.listenersOf(loadBalancerArn)].length >= MAX_LISTENERS) throw new TooManyListeners();
      world.elb.db.transaction(() => {
        storeNewListener(world, listener);
        putTags(world, listener.ListenerArn!, tags);
      });
      await world.loadBalancing.listenerChanged(listener.ListenerArn!);
      return { Listeners: [listener] };
    },

    DescribeListeners(_ctx: RequestContext, input: DescribeListenersCommandInput): Output<DescribeListenersCommandOutput> {
      const page = paginate(describeSelected(world, input), input);
      return { Listeners: page.items.map((record) => record.listener), NextMarker: page.nextMarker };
    },

    async ModifyListener(_ctx: RequestContext, input: ModifyListenerCommandInput): Promise<Output<ModifyListenerCommandOutput>> {
      const record = requireListener(world, input.ListenerArn);
      const current = record.listener;
      const loadBalancer = loadBalancerOfListener(world, record);
      const protocol = optionalString(input.Protocol, "Protocol") ? readProtocol(input.Protocol, loadBalancer) : current.Protocol!;
      const port = optionalInteger(input.Port, "Port", 1, 65535) ?? current.Port!;
      const security = readSecurity(input, protocol, current);
      // Kept actions are checked again: a new protocol must still suit their target groups.
      const actionsInput = absent(input.DefaultActions) ? current.DefaultActions : input.DefaultActions;
      const defaultActions = readActions(actionsInput, { world, loadBalancer, listenerProtocol: protocol, field: "DefaultActions" });
      const clash = listenerOnPort(world, current.LoadBalancerArn!, port);
      if (clash && clash.listener.ListenerArn !== current.ListenerArn) throw duplicateListener(current.LoadBalancerArn!);
      const { Certificates: _c, SslPolicy: _s, AlpnPolicy: _a, ...plain } = current;
      const listener: Listener = { ...plain, Port: port, Protocol: protocol as Listener["Protocol"], ...security, DefaultActions: defaultActions };
      world.elb.db.transaction(() => storeListener(world, record, listener));
      await world.loadBalancing.listenerChanged(listener.ListenerArn!);
      return { Listeners: [listener] };
    },

    async DeleteListener(_ctx: RequestContext, input: DeleteListenerCommandInput): Promise<Output<DeleteListenerCommandOutput>> {
      const arn = requireListener(world, input.ListenerArn).listener.ListenerArn!;
      world.elb.db.transaction(() => removeListener(world, arn));
      await world.loadBalancing.listenerRemoved(arn);
      return {};
    },
  };
}
