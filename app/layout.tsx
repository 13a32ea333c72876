import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import { SiteFooter } from "@/components/shell/site-footer";
import { TopBar } from "@/components/shell/top-bar";
import { readTargetSummary } from "@/server/aws/target-summary";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Slipway", template: "%s · Slipway" },
  description: "A web control plane for Amazon ECS.",
  icons: { icon: "/favicon.svg" },
};

export const viewport: Viewport = {
  themeColor: "#0f3d5e",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The target comes from the environment the server runs in, not the one it was built in.
  await connection();
  const target = readTargetSummary();
  return (
    <html lang="en">
      <body className="flex min-h-dvh flex-col font-sans antialiased">
        <a href="#main" className="skip-link">
          Skip to main content
        </a>
        <TopBar />
        <Providers>
          <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:px-6 sm:py-8">
            {children}
          </main>
        </Providers>
        <SiteFooter target={target} />
      </body>
    </html>
  );
}
