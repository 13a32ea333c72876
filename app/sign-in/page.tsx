import type { Metadata } from "next";
import { oidcSettingsFromEnv } from "@/server/auth/oidc";
import { SignInClient } from "./sign-in-client";

export const metadata: Metadata = { title: "Sign in" };

/** Only paths inside Slipway are followed after signing in, never another site. */
function safeCallback(value: string | string[] | undefined): string {
  const path = Array.isArray(value) ? value[0] : value;
  return path && path.startsWith("/") && !path.startsWith("//") ? path : "/";
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  // Only the provider's name reaches the browser.
  const singleSignOn = oidcSettingsFromEnv(process.env)?.name;
  return (
    <SignInClient callbackUrl={safeCallback(params.callbackUrl)} error={typeof params.error === "string" ? params.error : undefined} singleSignOn={singleSignOn} />
  );
}
