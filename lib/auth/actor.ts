import type { Role } from "./roles";

/** The person behind a request, as every check and every audit entry knows them (server/auth/session.ts finds them). */
export interface Actor {
  id: string;
  name: string;
  email?: string;
  roles: Role[];
  /** The server-side session the request belongs to. */
  sessionId?: string;
}
