import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { decodeSegment } from "@/lib/url-segment";
import { missing, readRolloutPage } from "@/server/pages/page-reads";
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
  const initial = await readRolloutPage(cluster, service, deploymentId);
  if (missing(initial)) notFound();
  return <RolloutClient cluster={cluster} service={service} deploymentId={deploymentId} initial={initial} />;
}
