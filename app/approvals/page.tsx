import type { Metadata } from "next";
import { readLive } from "@/server/api/live-read";
import { currentConnection } from "@/server/aws/current-connection";
import { cachedApprovalsInbox } from "@/server/ecs/approvals-inbox";
import { ApprovalsClient } from "./approvals-client";

export const metadata: Metadata = { title: "Approvals" };

/** The first read happens here, so the list is there before the page's JavaScript runs; the client then polls. */
export default async function ApprovalsPage() {
  const connection = await currentConnection();
  const initial = await readLive(() => cachedApprovalsInbox(connection));
  return <ApprovalsClient initial={initial} />;
}
