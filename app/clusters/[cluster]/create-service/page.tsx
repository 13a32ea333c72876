import type { Metadata } from "next";
import { decodeSegment } from "@/lib/url-segment";
import { currentActor, refusalFor } from "@/server/auth/session";
import { readLive } from "@/server/api/live-read";
import { currentConnection } from "@/server/aws/current-connection";
import { readCreateServicePage } from "@/server/create-service/page-read";
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
  const refusal = refusalFor(await currentActor(), "operate");
  if (refusal) return <CreateServiceClient cluster={cluster} refusal={refusal.message} />;
  const connection = await currentConnection();
  const initial = await readLive(() => readCreateServicePage(connection, cluster));
  return <CreateServiceClient cluster={cluster} initial={initial} />;
}
