import type { RunningListenerProxy } from "../../dataplane/listener-proxy";
import type { ElbState } from "../../store/elb-state";

/** The tag that tells DescribeTags users where a listener really answers. */
export const ADDRESS_TAG = "local-ecs:address";

/** Privileged ports (and taken ones) move up by this much: 80 → 10080. */
const REMAP_OFFSET = 10000;
const REMAP_CANDIDATES = 100;

/**
 * Ports to try for a listener, best first: the one it had before a restart, its own port when
 * unprivileged, then 10000 + port upward.
 */
export function candidatePorts(listenerPort: number | undefined, previousLocalPort: number | undefined): number[] {
  const ports: number[] = [];
  if (previousLocalPort) ports.push(previousLocalPort);
  if (listenerPort === undefined) return ports;
  if (listenerPort >= 1024) ports.push(listenerPort);
  for (let port = REMAP_OFFSET + listenerPort; port <= 65535 && port < REMAP_OFFSET + listenerPort + REMAP_CANDIDATES; port++) ports.push(port);
  return ports;
}

export type ProxyFactory = (listenerArn: string, candidatePorts: number[]) => Promise<RunningListenerProxy>;

interface Binding {
  proxy: RunningListenerProxy;
  /** Listener.Port when bound: a changed port means a new local port. */
  listenerPort: number | undefined;
}

/**
 * One proxy per listener. Binding and unbinding of the same listener run one after another,
 * as API calls on it may arrive faster than a socket opens.
 */
export class ListenerBindings {
  private readonly bound = new Map<string, Binding>();
  private readonly queues = new Map<string, Promise<void>>();
  /** Once shut down, a late API call must not open a socket again. */
  private closed = false;

  constructor(
    private readonly elb: ElbState,
    private readonly startProxy: ProxyFactory,
  ) {}

  bind(listenerArn: string): Promise<void> {
    return this.serially(listenerArn, () => this.bindNow(listenerArn));
  }

  unbind(listenerArn: string): Promise<void> {
    return this.serially(listenerArn, () => this.unbindNow(listenerArn));
  }

  localPortOf(listenerArn: string): number | undefined {
    return this.bound.get(listenerArn)?.proxy.port;
  }

  /** Every bound listener with its local port. */
  entries(): Array<{ listenerArn: string; port: number }> {
    return [...this.bound].map(([listenerArn, binding]) => ({ listenerArn, port: binding.proxy.port }));
  }

  async closeAll(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([...this.queues.values()]);
    const all = [...this.bound.values()];
    this.bound.clear();
    await Promise.all(all.map((binding) => binding.proxy.close()));
  }

  private serially(listenerArn: string, work: () => Promise<void>): Promise<void> {
    const next = (this.queues.get(listenerArn) ?? Promise.resolve()).then(work, work);
    this.queues.set(listenerArn, next);
    const settle = () => {
      if (this.queues.get(listenerArn) === next) this.queues.delete(listenerArn);
    };
    next.then(settle, settle);
    return next;
  }

  private async bindNow(listenerArn: string): Promise<void> {
    const record = this.elb.listeners.get(listenerArn);
    if (!record || this.closed) return this.unbindNow(listenerArn);
    const port = record.listener.Port;
    const current = this.bound.get(listenerArn);
    if (current && current.listenerPort === port) return;
    if (current) await this.unbindNow(listenerArn);
    const proxy = await this.startProxy(listenerArn, candidatePorts(port, current ? undefined : record.localPort));
    this.bound.set(listenerArn, { proxy, listenerPort: port });
    this.publish(listenerArn, proxy.port);
  }

  private async unbindNow(listenerArn: string): Promise<void> {
    const binding = this.bound.get(listenerArn);
    this.bound.delete(listenerArn);
    await binding?.proxy.close();
  }

  /** Persists the local port and tags the listener with the address it answers on. */
  private publish(listenerArn: string, localPort: number): void {
    const record = this.elb.listeners.get(listenerArn);
    if (!record) return;
    // In place: a handler holding this record must not write an old port back.
    if (record.localPort !== localPort) {
      record.localPort = localPort;
      this.elb.listeners.put(listenerArn, record);
    }
    const dnsName = this.elb.loadBalancers.get(record.listener.LoadBalancerArn ?? "")?.loadBalancer.DNSName ?? "127.0.0.1";
    const address = `http://${dnsName}:${localPort}`;
    const tags = this.elb.tags.get(listenerArn) ?? { resourceArn: listenerArn, tags: [] };
    if (tags.tags.some((tag) => tag.Key === ADDRESS_TAG && tag.Value === address)) return;
    tags.tags = [...tags.tags.filter((tag) => tag.Key !== ADDRESS_TAG), { Key: ADDRESS_TAG, Value: address }];
    this.elb.tags.put(listenerArn, tags);
  }
}
