import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { decodeSegment } from "@/lib/url-segment";
import { missing, readServicePage } from "@/server/pages/page-reads";
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
  const initial = await readServicePage(cluster, service);
  if (missing(initial)) notFound();
  return <ServiceClient cluster={cluster} service={service} initial={initial} />;
}
