import type {
  ContinueServiceDeploymentCommandInput,
  ContinueServiceDeploymentCommandOutput,
  DescribeServiceDeploymentsCommandInput,
  DescribeServiceDeploymentsCommandOutput,
  DescribeServiceRevisionsCommandInput,
  DescribeServiceRevisionsCommandOutput,
  Failure,
  ListServiceDeploymentsCommandInput,
  ListServiceDeploymentsCommandOutput,
  ServiceDeployment,
  ServiceDeploymentBrief,
  ServiceRevision,
  StopServiceDeploymentCommandInput,
  StopServiceDeploymentCommandOutput,
} from "@aws-sdk/client-ecs";
import { FINISHED_SERVICE_DEPLOYMENT_STATUSES } from "../../engine/deployment-factory";
import type { Output, RequestContext } from "../../protocols/operation";
import { ecsArn, serviceNameFrom } from "../../store/arns";
import type { ServiceDeploymentRecord } from "../../store/records";
import type { EcsWorld } from "../../world";
import { requireActiveCluster } from "./cluster-lookup";
import { ConflictException, InvalidParameterException, ServiceDeploymentNotFoundException, ServiceNotFoundException } from "./errors";
import { paginate } from "./pagination";
import { toTimestamp } from "./timestamps";

const MAX_DESCRIBE = 20;
const STATUSES = new Set([
  "PENDING", "IN_PROGRESS", "SUCCESSFUL", "STOPPED", "STOP_REQUESTED",
  "ROLLBACK_REQUESTED", "ROLLBACK_IN_PROGRESS", "ROLLBACK_SUCCESSFUL", "ROLLBACK_FAILED",
]);

export function createServiceDeploymentOperations(world: EcsWorld) {
  const { state } = world;

  const requireArnList = (arns: unknown, what: string): string[] => {
    if (!Array.isArray(arns) || arns.length === 0) throw new InvalidParameterException(`${what} cannot be empty.`);
    if (arns.length > MAX_DESCRIBE) throw new InvalidParameterException(`Up to ${MAX_DESCRIBE} ${what} can be described at once.`);
    return arns.map(String);
  };

  const requireServiceDeployment = (arn: unknown): ServiceDeploymentRecord => {
    const record = typeof arn === "string" ? state.serviceDeployments.get(arn) : undefined;
    if (!record) throw new ServiceDeploymentNotFoundException();
    return record;
  };

  return {
    ListServiceDeployments(_ctx: RequestContext, input: ListServiceDeploymentsCommandInput): Output<ListServiceDeploymentsCommandOutput> {
      const cluster = requireActiveCluster(world, input.cluster).cluster;
      if (typeof input.service !== "string" || input.service === "") throw new InvalidParameterException("service must be given.");
      const serviceArn = ecsArn.service(world.settings, cluster.clusterName!, serviceNameFrom(input.service));
      if (!state.services.has(serviceArn)) throw new ServiceNotFoundException();
      const statuses = input.status;
      if (statuses !== undefined && (!Array.isArray(statuses) || statuses.some((s) => !STATUSES.has(s)))) {
        throw new InvalidParameterException("status contains a value that is not a service deployment status.");
      }
      const after = toTimestamp(input.createdAt?.after, "createdAt.after");
      const before = toTimestamp(input.createdAt?.before, "createdAt.before");
      const briefs: ServiceDeploymentBrief[] = [];
      // Newest last in the store; reversed so that deployments created in the same millisecond
      // still come newest first after the (stable) sort below.
      for (const { serviceDeployment: sd } of [...state.serviceDeployments.values()].reverse()) {
        if (sd.serviceArn !== serviceArn) continue;
        if (statuses?.length && !statuses.includes(sd.status!)) continue;
        const created = sd.createdAt!.getTime();
        if ((after && created < after.getTime()) || (before && created > before.getTime())) continue;
        briefs.push(brief(sd));
      }
      briefs.sort((a, b) => b.createdAt!.getTime() - a.createdAt!.getTime());
      const page = paginate(briefs, input, { defaultSize: 20, maxSize: 100 });
      return { serviceDeployments: page.items, nextToken: page.nextToken };
    },

    DescribeServiceDeployments(_ctx: RequestContext, input: DescribeServiceDeploymentsCommandInput): Output<DescribeServiceDeploymentsCommandOutput> {
      const found: ServiceDeployment[] = [];
      const failures: Failure[] = [];
      for (const arn of requireArnList(input.serviceDeploymentArns, "service deployments")) {
        const record = state.serviceDeployments.get(arn);
        if (record) found.push(record.serviceDeployment);
        else failures.push({ arn, reason: "MISSING" });
      }
      return { serviceDeployments: found, failures };
    },

    DescribeServiceRevisions(_ctx: RequestContext, input: DescribeServiceRevisionsCommandInput): Output<DescribeServiceRevisionsCommandOutput> {
      const found: ServiceRevision[] = [];
      const failures: Failure[] = [];
      for (const arn of requireArnList(input.serviceRevisionArns, "service revisions")) {
        const record = state.serviceRevisions.get(arn);
        if (record) found.push(record.serviceRevision);
        else failures.push({ arn, reason: "MISSING" });
      }
      return { serviceRevisions: found, failures };
    },

    StopServiceDeployment(_ctx: RequestContext, input: StopServiceDeploymentCommandInput): Output<StopServiceDeploymentCommandOutput> {
      const record = requireServiceDeployment(input.serviceDeploymentArn);
      const sd = record.serviceDeployment;
      const stopType = input.stopType ?? "ROLLBACK";
      if (stopType !== "ROLLBACK" && stopType !== "ABORT") throw new InvalidParameterException("stopType must be ROLLBACK or ABORT.");
      if (FINISHED_SERVICE_DEPLOYMENT_STATUSES.has(sd.status!)) {
        throw new ConflictException(`The service deployment is ${sd.status} and can no longer be stopped.`);
      }
      if (sd.status === "STOP_REQUESTED" || sd.status?.startsWith("ROLLBACK_")) {
        throw new ConflictException(`A stop of this service deployment was already requested (${sd.status}).`);
      }
      const service = state.services.get(sd.serviceArn!);
      if (!service) throw new ServiceDeploymentNotFoundException();
      world.scheduler.outcomes.requestStop(service, record, stopType);
      state.services.put(service.service.serviceArn!, service);
      return { serviceDeploymentArn: sd.serviceDeploymentArn };
    },

    ContinueServiceDeployment(_ctx: RequestContext, input: ContinueServiceDeploymentCommandInput): Output<ContinueServiceDeploymentCommandOutput> {
      const record = requireServiceDeployment(input.serviceDeploymentArn);
      const action = input.action ?? "CONTINUE";
      if (action !== "CONTINUE" && action !== "ROLLBACK") throw new InvalidParameterException("action must be CONTINUE or ROLLBACK.");
      if (typeof input.hookId !== "string" || input.hookId === "") throw new InvalidParameterException("hookId must be given.");
      const hook = record.serviceDeployment.lifecycleHookDetails?.find((h) => h.hookId === input.hookId);
      if (!hook) throw new InvalidParameterException(`The service deployment has no lifecycle hook ${input.hookId}.`);
      if (hook.status !== "AWAITING_ACTION") {
        throw new InvalidParameterException(`The lifecycle hook ${input.hookId} is ${hook.status}, not AWAITING_ACTION.`);
      }
      const service = state.services.get(record.serviceDeployment.serviceArn!);
      if (!service) throw new ServiceDeploymentNotFoundException();
      world.scheduler.outcomes.decideHook(service, record, hook, action);
      return { serviceDeploymentArn: record.serviceDeployment.serviceDeploymentArn };
    },
  };
}

function brief(sd: ServiceDeployment): ServiceDeploymentBrief {
  return {
    serviceDeploymentArn: sd.serviceDeploymentArn,
    serviceArn: sd.serviceArn,
    clusterArn: sd.clusterArn,
    startedAt: sd.startedAt,
    createdAt: sd.createdAt,
    finishedAt: sd.finishedAt,
    targetServiceRevisionArn: sd.targetServiceRevision?.arn,
    status: sd.status,
    statusReason: sd.statusReason,
  };
}
