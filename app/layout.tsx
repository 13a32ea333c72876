import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { EveryActionReachable } from "@/components/actions/every-action";
import { PermissionsProvider } from "@/components/auth/permissions-context";
import { Providers } from "@/components/providers";
import { SiteFooter } from "@/components/shell/site-footer";
import { TopBar } from "@/components/shell/top-bar";
import { isMutation, permissionsOf } from "@/lib/auth/permissions";
import type { ConnectionOptions } from "@/lib/connection-choice";
import type { TargetSummary } from "@/lib/target-summary";
import { currentTargetSummary } from "@/server/aws/current-connection";
import { currentActor, readOnly } from "@/server/auth/session";
import { listProfiles } from "@/server/aws/profiles";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Slipway", template: "%s · Slipway" },
  description: "A web control plane for Amazon ECS.",
  icons: { icon: "/favicon.svg" },
};

export const viewport: Viewport = {
  themeColor: "#0f3d5e",
};

/** Against real AWS, the region and profile to offer; unreadable config files offer the default chain alone. */
async function connectionOptions(target: TargetSummary): Promise<ConnectionOptions | undefined> {
  if (target.name !== "aws") return undefined;
  const profiles = await listProfiles().catch((error: unknown) => {
    console.error("The shared AWS config files could not be read:", error);
    return [];
  });
  return { current: { region: target.region, profile: target.profile }, profiles };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The target comes from the environment the server runs in and the request's cookie, not the build.
  const target = await currentTargetSummary();
  const actor = await currentActor();
  // Read-only: nobody is offered a change, whatever their role.
  const permissions = actor ? permissionsOf(actor.roles).filter((permission) => !readOnly() || !isMutation(permission)) : [];
  return (
    <html lang="en">
      <body className="flex min-h-dvh flex-col font-sans antialiased">
        <a href="#main" className="skip-link">
          Skip to main content
        </a>
        <Providers>
          <PermissionsProvider permissions={permissions}>
            <TopBar connection={actor ? await connectionOptions(target) : undefined} actor={actor} readOnly={readOnly()} />
            <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:px-6 sm:py-8">
              {children}
            </main>
          </PermissionsProvider>
        </Providers>
        <SiteFooter target={target} />
        <EveryActionReachable />
      </body>
    </html>
  );
}
