import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { oidcSettingsFromEnv } from "@/server/auth/oidc";
import { currentActor } from "@/server/auth/session";
import { SignInClient } from "./sign-in-client";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  // Someone already signed in has nothing to do here: on to where they were going.
  if (await currentActor()) redirect(callbackUrl);
  // Only the provider's name reaches the browser.
  const singleSignOn = oidcSettingsFromEnv(process.env)?.name;
  return <SignInClient callbackUrl={callbackUrl} error={typeof params.error === "string" ? params.error : undefined} singleSignOn={singleSignOn} />;
}
