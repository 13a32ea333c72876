import "server-only";
import { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { ECSClient } from "@aws-sdk/client-ecs";
import { ElasticLoadBalancingV2Client } from "@aws-sdk/client-elastic-load-balancing-v2";
import { checkConnection, connectionKey, type Connection } from "./connection";
import { countAwsCall, operationOfCommand, type AwsService } from "./instrumentation";
import { isLoopbackHost, readTarget, TargetConfigError, type Target } from "./target";

/**
 * The only place SDK clients are built: one ECS, one ELBv2 and one CloudWatch client per connection, kept
 * so their connection pools and adaptive rate limiters are shared by every request. Endpoints
 * are the SDK's business (AWS_ENDPOINT_URL_* and the shared config files); the target decides
 * credentials and whether only loopback may be called.
 *
 * Connections come from a cookie (current-connection.ts), which admits only regions and
 * profiles that exist; even so the cache is bounded: the least recently used connection's
 * clients are destroyed when a new one would make more than MAX_CACHED_CONNECTIONS.
 */
type Client = ECSClient | ElasticLoadBalancingV2Client | CloudWatchClient;

interface ConnectionClients {
  ecs?: ECSClient;
  elb?: ElasticLoadBalancingV2Client;
  cloudWatch?: CloudWatchClient;
}

/** Every region the picker knows, with room for a few profiles; a connection's three clients hold about 80 KiB of heap. */
export const MAX_CACHED_CONNECTIONS = 32;

/** By connectionKey, least recently used first: a Map iterates in insertion order, and a use moves its entry to the end. */
const cached = new Map<string, ConnectionClients>();

function clientsFor(connection: Connection): ConnectionClients {
  checkConnection(connection);
  const key = connectionKey(connection);
  const clients = cached.get(key) ?? {};
  cached.delete(key);
  cached.set(key, clients);
  for (const [oldest, evicted] of cached) {
    if (cached.size <= MAX_CACHED_CONNECTIONS) break;
    cached.delete(oldest);
    destroyAll(evicted);
  }
  return clients;
}

function destroyAll(clients: ConnectionClients): void {
  for (const client of [clients.ecs, clients.elb, clients.cloudWatch]) client?.destroy();
}

/** How many connections have clients, for tests that check the cache stays bounded. */
export function cachedConnectionCount(): number {
  return cached.size;
}

function clientConfig(connection: Connection, target: Target) {
  // maxAttempts stays the SDK's (3, or AWS_MAX_ATTEMPTS / max_attempts in the profile).
  return { region: connection.region, profile: connection.profile, credentials: target.credentials, retryMode: "adaptive" };
}

// Every client's stack takes the same middleware: it reads only the request's host and the command's name.
type Stack = ECSClient["middlewareStack"];

/** Once serialised, a request carries the host the SDK resolved: refuse it there, before any attempt is sent. */
function refuseAllButLoopback(stack: Stack): void {
  stack.add(
    (next) => async (args) => {
      const hostname = (args.request as { hostname?: unknown }).hostname;
      if (typeof hostname !== "string" || !isLoopbackHost(hostname)) {
        throw new TargetConfigError(`Local mode only talks to loopback; refused a request to ${String(hostname)}.`);
      }
      return next(args);
    },
    { step: "build", name: "slipwayLoopbackOnly" },
  );
}

/** Below the retry middleware, so every attempt is counted. */
function countCalls(stack: Stack, service: AwsService): void {
  stack.add(
    (next, context) => async (args) => {
      countAwsCall(service, operationOfCommand(context.commandName));
      return next(args);
    },
    { step: "finalizeRequest", priority: "low", name: "slipwayCallCounter" },
  );
}

function addMiddleware(client: Client, service: AwsService, target: Target): void {
  const stack = client.middlewareStack as Stack;
  if (target.loopbackOnly) refuseAllButLoopback(stack);
  countCalls(stack, service);
}

export function ecsClient(connection: Connection): ECSClient {
  const clients = clientsFor(connection);
  if (!clients.ecs) {
    const target = readTarget();
    const client = new ECSClient(clientConfig(connection, target));
    addMiddleware(client, "ecs", target);
    clients.ecs = client;
  }
  return clients.ecs;
}

export function elbClient(connection: Connection): ElasticLoadBalancingV2Client {
  const clients = clientsFor(connection);
  if (!clients.elb) {
    const target = readTarget();
    const client = new ElasticLoadBalancingV2Client(clientConfig(connection, target));
    addMiddleware(client, "elbv2", target);
    clients.elb = client;
  }
  return clients.elb;
}

export function cloudWatchClient(connection: Connection): CloudWatchClient {
  const clients = clientsFor(connection);
  if (!clients.cloudWatch) {
    const target = readTarget();
    const client = new CloudWatchClient(clientConfig(connection, target));
    addMiddleware(client, "cloudwatch", target);
    clients.cloudWatch = client;
  }
  return clients.cloudWatch;
}

/** Closes every client's sockets; the next request builds fresh ones (on shutdown, and between tests). */
export function destroyClients(): void {
  for (const clients of cached.values()) destroyAll(clients);
  cached.clear();
}
