"use client";

import { chooseConnection } from "@/server/actions/choose-connection";
import { continueServiceDeployment } from "@/server/actions/continue-service-deployment";
import { createCluster } from "@/server/actions/create-cluster";
import { createService } from "@/server/actions/create-service";
import { deleteCluster } from "@/server/actions/delete-cluster";
import { deleteService } from "@/server/actions/delete-service";
import { deleteTaskDefinition } from "@/server/actions/delete-task-definition";
import { deployService } from "@/server/actions/deploy-service";
import { deregisterTaskDefinition } from "@/server/actions/deregister-task-definition";
import { endSession } from "@/server/actions/end-session";
import { forceNewDeployment } from "@/server/actions/force-new-deployment";
import { registerTaskDefinition } from "@/server/actions/register-task-definition";
import { rollbackService } from "@/server/actions/rollback-service";
import { runTask } from "@/server/actions/run-task";
import { scaleService } from "@/server/actions/scale-service";
import { stopServiceDeployment } from "@/server/actions/stop-service-deployment";
import { stopTask } from "@/server/actions/stop-task";

/**
 * Every server action, referenced from the root layout so that every page's server bundle
 * holds them all. An action posted to a page whose bundle lacks it is forwarded by Next to one
 * that has it, and the forwarded answer loses its status: a refusal would reach the client as
 * 200. With every action in every page, a refusal is a 403 (or 401) whatever path it is posted to.
 * server/actions/every-action.test.ts checks the list is whole.
 */
export const EVERY_ACTION = [
  chooseConnection,
  continueServiceDeployment,
  createCluster,
  createService,
  deleteCluster,
  deleteService,
  deleteTaskDefinition,
  deployService,
  deregisterTaskDefinition,
  endSession,
  forceNewDeployment,
  registerTaskDefinition,
  rollbackService,
  runTask,
  scaleService,
  stopServiceDeployment,
  stopTask,
] as const;

export function EveryActionReachable() {
  // Rendered, so the list is not shaken out of the build; it renders nothing.
  return EVERY_ACTION.length > 0 ? null : null;
}
