import { canListen, DASHBOARD_HOST, firstFreePort } from "./dashboard";

/**
 * Where `npm start` and `npm run dev` serve the dashboard, by the conventions `next start` and
 * its standalone server follow: PORT and HOSTNAME when set, else the first free port from 3000
 * on loopback. A PORT that is taken or not a port is an error, not a quiet move elsewhere.
 */
const FIRST_PORT = 3000;

export interface DashboardAddress {
  host: string;
  port: number;
}

export class DashboardAddressError extends Error {
  override readonly name = "DashboardAddressError";
}

export async function dashboardAddress(env: Readonly<Record<string, string | undefined>>): Promise<DashboardAddress> {
  const host = env.HOSTNAME?.trim() || DASHBOARD_HOST;
  const asked = env.PORT?.trim();
  if (!asked) return { host, port: await firstFreePort(FIRST_PORT, host) };
  const port = Number(asked);
  if (!/^\d+$/.test(asked) || port < 1 || port > 65535) throw new DashboardAddressError(`PORT must be a port number from 1 to 65535 (got ${JSON.stringify(asked)}).`);
  if (!(await canListen(port, host))) throw new DashboardAddressError(`PORT ${port} on ${host} is in use, or cannot be bound here: choose another PORT, or leave it unset for the first free port from ${FIRST_PORT}.`);
  return { host, port };
}
