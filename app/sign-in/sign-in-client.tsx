"use client";

import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";

/** `singleSignOn`: the name of the OpenID Connect provider, when one is configured. */
export function SignInClient({ callbackUrl, error, singleSignOn }: { callbackUrl: string; error?: string; singleSignOn?: string }) {
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [failure, setFailure] = useState(error ? signInErrorMessage(error) : undefined);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    const answer = await signIn("password", { username, password, redirect: false, callbackUrl });
    if (answer?.ok && !answer.error) {
      // A full load: what the browser's router kept from before signing in (the sign-in redirects it prefetched) is not followed again.
      window.location.assign(callbackUrl);
      return;
    }
    setPending(false);
    setFailure(signInErrorMessage(answer?.error ?? ""));
  }

  return (
    <div className="mx-auto max-w-sm space-y-6 py-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Sign in to Slipway</h1>
        <p className="mt-1 text-sm text-ink-muted">What you may do here depends on your role: viewer, deployer, approver or admin.</p>
      </div>
      {failure && (
        <Notice tone="danger" title="Not signed in" live>
          <p>{failure}</p>
        </Notice>
      )}
      {singleSignOn && (
        <>
          <Button variant="primary" className="w-full" onClick={() => void signIn("oidc", { callbackUrl })}>
            Sign in with {singleSignOn}
          </Button>
          <p className="text-center text-xs text-ink-muted">or with a Slipway password</p>
        </>
      )}
      <form onSubmit={submit} className="space-y-4 rounded-lg border border-line bg-surface p-5 shadow-sm">
        <TextField label="Username" name="username" autoComplete="username" required value={username} onChange={(event) => setUsername(event.target.value)} />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <Button type="submit" variant="primary" busy={pending} className="w-full">
          Sign in
        </Button>
      </form>
    </div>
  );
}
