import {
  ClusterField,
  ExecuteCommandLogging,
  type CapacityProviderStrategyItem,
  type Cluster,
  type ClusterConfiguration,
  type ClusterServiceConnectDefaults,
  type ClusterSetting,
  type CreateClusterCommandInput,
  type CreateClusterCommandOutput,
  type DeleteClusterCommandInput,
  type DeleteClusterCommandOutput,
  type DescribeClustersCommandInput,
  type DescribeClustersCommandOutput,
  type Failure,
  type KeyValuePair,
  type ListClustersCommandInput,
  type ListClustersCommandOutput,
  type PutClusterCapacityProvidersCommandInput,
  type PutClusterCapacityProvidersCommandOutput,
  type Tag,
  type UpdateClusterCommandInput,
  type UpdateClusterCommandOutput,
  type UpdateClusterSettingsCommandInput,
  type UpdateClusterSettingsCommandOutput,
} from "@aws-sdk/client-ecs";
import type { Output, RequestContext } from "../../protocols/operation";
import { clusterNameFrom } from "../../store/arns";
import type { ClusterRecord } from "../../store/records";
import type { EcsWorld } from "../../world";
import { clusterArnFor, findCluster, requireActiveCluster } from "./cluster-lookup";
import {
  ClusterContainsServicesException,
  ClusterContainsTasksException,
  InvalidParameterException,
  ResourceInUseException,
} from "./errors";
import { paginate } from "./pagination";
import { absent, integerInRange, optionalBoolean, optionalString, readList, readObject, readStrings, requiredString } from "./json-input";
import { dropTags, MAX_TAGS, putTags, tagsOf, validateTags } from "./tag-store";

const CLUSTER_NAME = /^[A-Za-z0-9_-]{1,255}$/;
/** Local ECS has no Auto Scaling groups, so only the AWS-managed Fargate providers exist. */
const CAPACITY_PROVIDERS = ["FARGATE", "FARGATE_SPOT"];
const CONTAINER_INSIGHTS = ["enabled", "disabled", "enhanced"];
const MAX_DESCRIBED = 100;
const PENDING_TASK_STATUSES = new Set(["PROVISIONING", "PENDING", "ACTIVATING"]);
const ALL_FIELDS: ReadonlySet<string> = new Set(Object.values(ClusterField));
/** Mutating calls return the whole cluster, but statistics only when asked for (as ECS does). */
const MUTATION_VIEW: ReadonlySet<string> = new Set([...ALL_FIELDS].filter((f) => f !== ClusterField.STATISTICS));

// ---- cluster parameters ----

function readClusterName(value: unknown): string {
  if (absent(value)) return "default";
  if (typeof value !== "string" || !CLUSTER_NAME.test(value)) {
    throw new InvalidParameterException(
      "Cluster names must be 1-255 characters long and contain only letters, numbers, hyphens and underscores.",
    );
  }
  return value;
}

function readCapacityProviders(value: unknown): string[] {
  if (absent(value)) return [];
  const providers = readStrings(value, "capacityProviders");
  for (const provider of providers) {
    if (!CAPACITY_PROVIDERS.includes(provider)) {
      throw new InvalidParameterException(
        `The specified capacity provider ${provider} is not valid. ` +
          "Local ECS has no Auto Scaling groups; use FARGATE or FARGATE_SPOT.",
      );
    }
  }
  if (new Set(providers).size !== providers.length) {
    throw new InvalidParameterException("The specified capacity providers contain duplicates.");
  }
  return providers;
}

/** Validates a strategy against the providers a cluster has; fills ECS's defaults (weight 0, base 0). */
export function readCapacityProviderStrategy(value: unknown, associated: readonly string[]): CapacityProviderStrategyItem[] {
  if (absent(value)) return [];
  const strategy = readList(value, "defaultCapacityProviderStrategy").map((raw) => {
    const item = readObject(raw, "capacityProviderStrategy item");
    const provider = requiredString(item.capacityProvider, "capacityProvider");
    if (!associated.includes(provider)) {
      throw new InvalidParameterException(
        "The specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster. " +
          "Associate the capacity provider with the cluster or specify a valid capacity provider and try again.",
      );
    }
    return {
      capacityProvider: provider,
      weight: integerInRange(item.weight, "weight", 0, 1000),
      base: integerInRange(item.base, "base", 0, 100000),
    };
  });
  if (new Set(strategy.map((item) => item.capacityProvider)).size !== strategy.length) {
    throw new InvalidParameterException("A capacity provider strategy cannot name the same capacity provider twice.");
  }
  if (strategy.filter((item) => item.base > 0).length > 1) {
    throw new InvalidParameterException("Only one capacity provider in a capacity provider strategy can have a base defined.");
  }
  return strategy;
}

function readSettings(value: unknown): ClusterSetting[] {
  if (absent(value)) return [];
  return readList(value, "settings").map((raw) => {
    const setting = readObject(raw, "setting");
    if (setting.name !== "containerInsights") {
      throw new InvalidParameterException("The only cluster setting is containerInsights.");
    }
    const settingValue = optionalString(setting.value, "setting value");
    if (settingValue === undefined || !CONTAINER_INSIGHTS.includes(settingValue)) {
      throw new InvalidParameterException("containerInsights must be enabled, disabled or enhanced.");
    }
    return { name: setting.name, value: settingValue };
  });
}

/** New settings replace old ones of the same name; the rest stay. */
function mergeSettings(current: ClusterSetting[] | undefined, changes: ClusterSetting[]): ClusterSetting[] {
  const byName = new Map((current ?? []).map((setting) => [setting.name, setting]));
  for (const setting of changes) byName.set(setting.name, setting);
  return [...byName.values()];
}

function readExecuteCommandConfiguration(value: unknown): ClusterConfiguration["executeCommandConfiguration"] {
  if (absent(value)) return undefined;
  const raw = readObject(value, "executeCommandConfiguration");
  const logging = optionalString(raw.logging, "logging");
  if (logging !== undefined && !Object.values<string>(ExecuteCommandLogging).includes(logging)) {
    throw new InvalidParameterException("logging must be NONE, DEFAULT or OVERRIDE.");
  }
  const log = absent(raw.logConfiguration) ? undefined : readObject(raw.logConfiguration, "logConfiguration");
  if (logging === ExecuteCommandLogging.OVERRIDE && !log) {
    throw new InvalidParameterException("logConfiguration is required when logging is OVERRIDE.");
  }
  return {
    kmsKeyId: optionalString(raw.kmsKeyId, "kmsKeyId"),
    logging: logging as ExecuteCommandLogging | undefined,
    logConfiguration: log && {
      cloudWatchLogGroupName: optionalString(log.cloudWatchLogGroupName, "cloudWatchLogGroupName"),
      cloudWatchEncryptionEnabled: optionalBoolean(log.cloudWatchEncryptionEnabled, "cloudWatchEncryptionEnabled"),
      s3BucketName: optionalString(log.s3BucketName, "s3BucketName"),
      s3EncryptionEnabled: optionalBoolean(log.s3EncryptionEnabled, "s3EncryptionEnabled"),
      s3KeyPrefix: optionalString(log.s3KeyPrefix, "s3KeyPrefix"),
    },
  };
}

function readConfiguration(value: unknown): ClusterConfiguration | undefined {
  if (absent(value)) return undefined;
  const raw = readObject(value, "configuration");
  const storage = absent(raw.managedStorageConfiguration)
    ? undefined
    : readObject(raw.managedStorageConfiguration, "managedStorageConfiguration");
  return {
    executeCommandConfiguration: readExecuteCommandConfiguration(raw.executeCommandConfiguration),
    managedStorageConfiguration: storage && {
      kmsKeyId: optionalString(storage.kmsKeyId, "kmsKeyId"),
      fargateEphemeralStorageKmsKeyId: optionalString(storage.fargateEphemeralStorageKmsKeyId, "fargateEphemeralStorageKmsKeyId"),
    },
  };
}

/** Stored as given: local ECS has no Cloud Map to resolve a namespace name to its ARN. */
function readServiceConnectDefaults(value: unknown): ClusterServiceConnectDefaults | undefined {
  if (absent(value)) return undefined;
  const raw = readObject(value, "serviceConnectDefaults");
  return { namespace: requiredString(raw.namespace, "serviceConnectDefaults.namespace") };
}

/** Checked in full before anything is stored, so a bad tag list leaves no half-made cluster. */
function readTags(value: unknown): Tag[] {
  if (absent(value)) return [];
  const tags = validateTags(value as Tag[]);
  if (new Set(tags.map((tag) => tag.key)).size > MAX_TAGS) {
    throw new InvalidParameterException(`A resource can have at most ${MAX_TAGS} tags.`);
  }
  return tags;
}

function readInclude(value: unknown): ReadonlySet<string> {
  if (absent(value)) return new Set();
  const fields = readStrings(value, "include");
  for (const field of fields) {
    if (!ALL_FIELDS.has(field)) throw new InvalidParameterException(`include has an unknown field: ${field}.`);
  }
  return new Set(fields);
}

// ---- counts, always live from the store ----

type LaunchSplit = { fargate: number; ec2: number };

interface ClusterCounts {
  running: LaunchSplit;
  pending: LaunchSplit;
  active: LaunchSplit;
  draining: LaunchSplit;
}

/** Statistics split EC2 from Fargate; everything not on EC2 or external instances runs on Fargate. */
const launchKey = (launchType: string | undefined) => (launchType === "EC2" || launchType === "EXTERNAL" ? "ec2" : "fargate");

function taskBucket(counts: ClusterCounts, lastStatus: string | undefined): LaunchSplit | undefined {
  if (lastStatus === "RUNNING") return counts.running;
  return PENDING_TASK_STATUSES.has(lastStatus ?? "") ? counts.pending : undefined;
}

function serviceBucket(counts: ClusterCounts, status: string | undefined): LaunchSplit | undefined {
  if (status === "ACTIVE") return counts.active;
  return status === "DRAINING" ? counts.draining : undefined;
}

function countCluster(world: EcsWorld, clusterArn: string): ClusterCounts {
  const split = (): LaunchSplit => ({ fargate: 0, ec2: 0 });
  const counts: ClusterCounts = { running: split(), pending: split(), active: split(), draining: split() };
  for (const { task } of world.state.tasksOfCluster(clusterArn)) {
    const bucket = taskBucket(counts, task.lastStatus);
    if (bucket) bucket[launchKey(task.launchType)]++;
  }
  for (const { service } of world.state.servicesOf(clusterArn)) {
    const bucket = serviceBucket(counts, service.status);
    if (bucket) bucket[launchKey(service.launchType)]++;
  }
  return counts;
}

function statistics(counts: ClusterCounts): KeyValuePair[] {
  const pair = (name: string, value: number): KeyValuePair => ({ name, value: String(value) });
  return [
    pair("runningFargateTasksCount", counts.running.fargate),
    pair("runningEC2TasksCount", counts.running.ec2),
    pair("pendingFargateTasksCount", counts.pending.fargate),
    pair("pendingEC2TasksCount", counts.pending.ec2),
    pair("activeFargateServiceCount", counts.active.fargate),
    pair("activeEC2ServiceCount", counts.active.ec2),
    pair("drainingFargateServiceCount", counts.draining.fargate),
    pair("drainingEC2ServiceCount", counts.draining.ec2),
  ];
}

/** The cluster as a client sees it: stored parts, the parts asked for, and live counts. */
function view(world: EcsWorld, record: ClusterRecord, include: ReadonlySet<string>): Cluster {
  const stored = record.cluster;
  const arn = stored.clusterArn!;
  const counts = countCluster(world, arn);
  return {
    clusterArn: arn,
    clusterName: stored.clusterName,
    status: stored.status,
    registeredContainerInstancesCount: 0,
    runningTasksCount: counts.running.fargate + counts.running.ec2,
    pendingTasksCount: counts.pending.fargate + counts.pending.ec2,
    activeServicesCount: counts.active.fargate + counts.active.ec2,
    statistics: include.has(ClusterField.STATISTICS) ? statistics(counts) : [],
    tags: include.has(ClusterField.TAGS) ? tagsOf(world.state, arn) : [],
    settings: include.has(ClusterField.SETTINGS) ? stored.settings : undefined,
    configuration: include.has(ClusterField.CONFIGURATIONS) ? stored.configuration : undefined,
    capacityProviders: stored.capacityProviders,
    defaultCapacityProviderStrategy: stored.defaultCapacityProviderStrategy,
    attachments: include.has(ClusterField.ATTACHMENTS) ? stored.attachments : undefined,
    attachmentsStatus: stored.attachmentsStatus,
    serviceConnectDefaults: stored.serviceConnectDefaults,
  };
}

/** Fargate providers need no Auto Scaling attachments, so an association completes at once. */
function withCapacityProviders(cluster: Cluster, providers: string[], strategy: CapacityProviderStrategyItem[]): Cluster {
  const touched = providers.length > 0 || cluster.attachmentsStatus !== undefined;
  return {
    ...cluster,
    capacityProviders: providers,
    defaultCapacityProviderStrategy: strategy,
    attachments: [],
    attachmentsStatus: touched ? "UPDATE_COMPLETE" : undefined,
  };
}

/** A provider still named by a live service's strategy or used by an unstopped task cannot be removed. */
function assertProvidersUnused(world: EcsWorld, clusterArn: string, removed: string[]): void {
  if (removed.length === 0) return;
  for (const { service } of world.state.servicesOf(clusterArn)) {
    if (service.status === "INACTIVE") continue;
    if (service.capacityProviderStrategy?.some((item) => removed.includes(item.capacityProvider ?? ""))) {
      throw new ResourceInUseException("The specified capacity provider is in use and cannot be removed.");
    }
  }
  for (const { task } of world.state.tasksOfCluster(clusterArn)) {
    if (task.lastStatus !== "STOPPED" && removed.includes(task.capacityProviderName ?? "")) {
      throw new ResourceInUseException("The specified capacity provider is in use and cannot be removed.");
    }
  }
}

export function createClusterOperations(world: EcsWorld) {
  const save = (record: ClusterRecord) => world.state.clusters.put(record.cluster.clusterArn!, record);

  return {
    CreateCluster(_ctx: RequestContext, input: CreateClusterCommandInput): Output<CreateClusterCommandOutput> {
      const name = readClusterName(input.clusterName);
      const providers = readCapacityProviders(input.capacityProviders);
      const strategy = readCapacityProviderStrategy(input.defaultCapacityProviderStrategy, providers);
      const settings = mergeSettings([{ name: "containerInsights", value: "disabled" }], readSettings(input.settings));
      const configuration = readConfiguration(input.configuration);
      const serviceConnectDefaults = readServiceConnectDefaults(input.serviceConnectDefaults);
      const tags = readTags(input.tags);
      const arn = clusterArnFor(world, name);
      const existing = world.state.clusters.get(arn);
      // ECS answers a repeated create with the cluster that is already there.
      if (existing?.cluster.status === "ACTIVE") return { cluster: view(world, existing, MUTATION_VIEW) };
      const cluster = withCapacityProviders(
        { clusterArn: arn, clusterName: name, status: "ACTIVE", settings, configuration, serviceConnectDefaults },
        providers,
        strategy,
      );
      const record = world.state.db.transaction(() => {
        dropTags(world.state, arn);
        putTags(world.state, arn, tags);
        return save({ cluster });
      });
      return { cluster: view(world, record, MUTATION_VIEW) };
    },

    DescribeClusters(_ctx: RequestContext, input: DescribeClustersCommandInput): Output<DescribeClustersCommandOutput> {
      const include = readInclude(input.include);
      const requested = absent(input.clusters) ? [] : readStrings(input.clusters, "clusters");
      if (requested.length > MAX_DESCRIBED) {
        throw new InvalidParameterException(`At most ${MAX_DESCRIBED} clusters can be described at once.`);
      }
      const names = [...new Set((requested.length > 0 ? requested : ["default"]).map((c) => clusterNameFrom(c)))];
      const clusters: Cluster[] = [];
      const failures: Failure[] = [];
      for (const name of names) {
        const record = findCluster(world, name);
        if (record) clusters.push(view(world, record, include));
        else failures.push({ arn: clusterArnFor(world, name), reason: "MISSING" });
      }
      return { clusters, failures };
    },

    ListClusters(_ctx: RequestContext, input: ListClustersCommandInput): Output<ListClustersCommandOutput> {
      const nextToken = optionalString(input.nextToken, "nextToken");
      const arns = [...world.state.clusters.values()]
        .filter((record) => record.cluster.status === "ACTIVE")
        .map((record) => record.cluster.clusterArn!)
        .sort();
      const page = paginate(arns, { nextToken, maxResults: input.maxResults ?? undefined }, { defaultSize: 100, maxSize: 100 });
      return { clusterArns: page.items, nextToken: page.nextToken };
    },

    DeleteCluster(_ctx: RequestContext, input: DeleteClusterCommandInput): Output<DeleteClusterCommandOutput> {
      const record = requireActiveCluster(world, requiredString(input.cluster, "cluster"));
      const arn = record.cluster.clusterArn!;
      for (const { service } of world.state.servicesOf(arn)) {
        if (service.status === "ACTIVE" || service.status === "DRAINING") throw new ClusterContainsServicesException();
      }
      for (const { task } of world.state.tasksOfCluster(arn)) {
        if (task.lastStatus !== "STOPPED") throw new ClusterContainsTasksException();
      }
      const deleted = world.state.db.transaction(() => {
        // As in ECS, a deleted resource's tags go with it.
        dropTags(world.state, arn);
        return save({ cluster: { ...record.cluster, status: "INACTIVE" } });
      });
      return { cluster: view(world, deleted, MUTATION_VIEW) };
    },

    PutClusterCapacityProviders(
      _ctx: RequestContext,
      input: PutClusterCapacityProvidersCommandInput,
    ): Output<PutClusterCapacityProvidersCommandOutput> {
      const record = requireActiveCluster(world, requiredString(input.cluster, "cluster"));
      if (absent(input.capacityProviders)) throw new InvalidParameterException("capacityProviders is required.");
      if (absent(input.defaultCapacityProviderStrategy)) {
        throw new InvalidParameterException("defaultCapacityProviderStrategy is required.");
      }
      const providers = readCapacityProviders(input.capacityProviders);
      const strategy = readCapacityProviderStrategy(input.defaultCapacityProviderStrategy, providers);
      const arn = record.cluster.clusterArn!;
      const removed = (record.cluster.capacityProviders ?? []).filter((provider) => !providers.includes(provider));
      assertProvidersUnused(world, arn, removed);
      const updated = save({ cluster: withCapacityProviders(record.cluster, providers, strategy) });
      return { cluster: view(world, updated, MUTATION_VIEW) };
    },

    UpdateCluster(_ctx: RequestContext, input: UpdateClusterCommandInput): Output<UpdateClusterCommandOutput> {
      const record = requireActiveCluster(world, requiredString(input.cluster, "cluster"));
      const settings = readSettings(input.settings);
      const configuration = readConfiguration(input.configuration);
      const serviceConnectDefaults = readServiceConnectDefaults(input.serviceConnectDefaults);
      const cluster: Cluster = {
        ...record.cluster,
        settings: mergeSettings(record.cluster.settings, settings),
        configuration: configuration ?? record.cluster.configuration,
        serviceConnectDefaults: serviceConnectDefaults ?? record.cluster.serviceConnectDefaults,
      };
      return { cluster: view(world, save({ cluster }), MUTATION_VIEW) };
    },

    UpdateClusterSettings(
      _ctx: RequestContext,
      input: UpdateClusterSettingsCommandInput,
    ): Output<UpdateClusterSettingsCommandOutput> {
      const record = requireActiveCluster(world, requiredString(input.cluster, "cluster"));
      if (absent(input.settings)) throw new InvalidParameterException("settings is required.");
      const settings = mergeSettings(record.cluster.settings, readSettings(input.settings));
      const cluster: Cluster = { ...record.cluster, settings };
      return { cluster: view(world, save({ cluster }), MUTATION_VIEW) };
    },
  };
}
