import type { Role } from "@/lib/auth/roles";

/** A session as the admins' Sessions page lists it: plain, JSON-safe data. */
export interface SessionView {
  id: string;
  person: { id: string; name: string; email?: string };
  /** The roles the session acts with now. */
  roles: Role[];
  signedInWith: "password" | "single sign-on";
  startedAt: string;
  lastSeenAt: string;
  expiresAt: string;
  /** Live: neither ended nor expired. */
  live: boolean;
  /** How it ended, for one that has: "Signed out.", "Ended by Ada Admin.", "Expired." */
  ending?: { at: string; by?: string; reason: string };
  /** The session this page is being read with. */
  yours: boolean;
}
