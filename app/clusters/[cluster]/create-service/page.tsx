import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { decodeSegment } from "@/lib/url-segment";
import { missing, readNewServicePage } from "@/server/pages/page-reads";
import { CreateServiceClient } from "./create-service-client";

interface Props {
  params: Promise<{ cluster: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Create a service · ${decodeSegment((await params).cluster)}` };
}

/** Reads what the form picks from once; someone who may not operate is told so instead of being shown a form. */
export default async function CreateServicePage({ params }: Props) {
  const cluster = decodeSegment((await params).cluster);
  const { refusal, initial } = await readNewServicePage(cluster);
  if (missing(initial)) notFound();
  return <CreateServiceClient cluster={cluster} initial={initial} refusal={refusal} />;
}
