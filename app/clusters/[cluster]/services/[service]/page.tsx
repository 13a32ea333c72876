import type { Metadata } from "next";
import { decodeSegment } from "@/lib/url-segment";
import { readLive } from "@/server/api/live-read";
import { currentConnection } from "@/server/aws/current-connection";
import { readServiceDetail } from "@/server/ecs/service-detail";
import { ServiceClient } from "./service-client";

interface ServicePageProps {
  params: Promise<{ cluster: string; service: string }>;
}

async function names(params: ServicePageProps["params"]) {
  const { cluster, service } = await params;
  return { cluster: decodeSegment(cluster), service: decodeSegment(service) };
}

export async function generateMetadata({ params }: ServicePageProps): Promise<Metadata> {
  const { cluster, service } = await names(params);
  return { title: `${service} · ${cluster}` };
}

/** The first read happens here, so the page is useful before its JavaScript runs; the client then polls. */
export default async function ServicePage({ params }: ServicePageProps) {
  const { cluster, service } = await names(params);
  const connection = await currentConnection();
  const initial = await readLive(() => readServiceDetail(connection, cluster, service));
  return <ServiceClient cluster={cluster} service={service} initial={initial} />;
}
