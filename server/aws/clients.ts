import "server-only";
import { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { ECSClient } from "@aws-sdk/client-ecs";
import { ElasticLoadBalancingV2Client } from "@aws-sdk/client-elastic-load-balancing-v2";
import { checkConnection, connectionKey, type Connection } from "./connection";
import { countAwsCall, operationOfCommand, type AwsService } from "./instrumentation";
import { isLoopbackHost, readTarget, TargetConfigError, type Target } from "./target";

/**
 * The only place SDK clients are built: one ECS, one ELBv2 and one CloudWatch client per connection, kept for
 * the life of the process so their connection pools and adaptive rate limiters are shared by
 * every request. Endpoints are the SDK's business (AWS_ENDPOINT_URL_* and the shared config
 * files); the target decides credentials and whether only loopback may be called.
 */
type Client = ECSClient | ElasticLoadBalancingV2Client | CloudWatchClient;

const ecsClients = new Map<string, ECSClient>();
const elbClients = new Map<string, ElasticLoadBalancingV2Client>();
const cloudWatchClients = new Map<string, CloudWatchClient>();

function clientConfig(connection: Connection, target: Target) {
  checkConnection(connection);
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
  const key = connectionKey(connection);
  let client = ecsClients.get(key);
  if (!client) {
    const target = readTarget();
    client = new ECSClient(clientConfig(connection, target));
    addMiddleware(client, "ecs", target);
    ecsClients.set(key, client);
  }
  return client;
}

export function elbClient(connection: Connection): ElasticLoadBalancingV2Client {
  const key = connectionKey(connection);
  let client = elbClients.get(key);
  if (!client) {
    const target = readTarget();
    client = new ElasticLoadBalancingV2Client(clientConfig(connection, target));
    addMiddleware(client, "elbv2", target);
    elbClients.set(key, client);
  }
  return client;
}

export function cloudWatchClient(connection: Connection): CloudWatchClient {
  const key = connectionKey(connection);
  let client = cloudWatchClients.get(key);
  if (!client) {
    const target = readTarget();
    client = new CloudWatchClient(clientConfig(connection, target));
    addMiddleware(client, "cloudwatch", target);
    cloudWatchClients.set(key, client);
  }
  return client;
}

/** Closes every client's sockets; the next request builds fresh ones (on shutdown, and between tests). */
export function destroyClients(): void {
  for (const client of [...ecsClients.values(), ...elbClients.values(), ...cloudWatchClients.values()]) client.destroy();
  ecsClients.clear();
  elbClients.clear();
  cloudWatchClients.clear();
}
