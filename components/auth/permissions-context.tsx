"use client";

import { createContext, useContext, type ReactNode } from "react";
import type { Permission } from "@/lib/auth/permissions";

/**
 * What the signed-in person may do, for leaving out the controls they could not use. The
 * server decides again on every request: this only keeps the page honest about it.
 */
const PermissionsContext = createContext<readonly Permission[]>([]);

export function PermissionsProvider({ permissions, children }: { permissions: readonly Permission[]; children: ReactNode }) {
  return <PermissionsContext value={permissions}>{children}</PermissionsContext>;
}

export function useCan(permission: Permission): boolean {
  return useContext(PermissionsContext).includes(permission);
}
