import type { Metadata } from "next";
import { decodeSegment } from "@/lib/url-segment";
import { readLive } from "@/server/api/live-read";
import { currentConnection } from "@/server/aws/current-connection";
import { readRolloutView } from "@/server/rollout/rollout-view";
import { RolloutClient } from "./rollout-client";

interface RolloutPageProps {
  params: Promise<{ cluster: string; service: string; deployment: string }>;
}

async function names(params: RolloutPageProps["params"]) {
  const { cluster, service, deployment } = await params;
  return { cluster: decodeSegment(cluster), service: decodeSegment(service), deploymentId: decodeSegment(deployment) };
}

export async function generateMetadata({ params }: RolloutPageProps): Promise<Metadata> {
  const { service, deploymentId } = await names(params);
  return { title: `Deployment ${deploymentId} · ${service}` };
}

/**
 * The first read (which starts sampling the deployment if nothing was) happens here, so
 * the page shows the rollout before its JavaScript runs, charts drawn from every sample so far.
 */
export default async function RolloutPage({ params }: RolloutPageProps) {
  const { cluster, service, deploymentId } = await names(params);
  const connection = await currentConnection();
  const initial = await readLive(() => readRolloutView(connection, cluster, service, deploymentId));
  return <RolloutClient cluster={cluster} service={service} deploymentId={deploymentId} initial={initial} />;
}
