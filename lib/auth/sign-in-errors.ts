/**
 * What the sign-in page says for the error next-auth hands back (in its URL, or to signIn()),
 * as a person reads it. Sign-ins refused for guessing carry how long to wait, in seconds:
 * "SignInLocked:300", "SignInTooSoon:2" (server/auth/sign-in-limiter.ts).
 */
const ERRORS: Record<string, string> = {
  CredentialsSignin: "That username and password do not match.",
  SessionRequired: "Sign in to see this page.",
  AccessDenied: "You signed in, but Slipway gives you no role. Ask an admin to add your group or email to a role.",
  OAuthSignin: "Single sign-on could not start. Try again, or ask an admin to check its settings.",
  OAuthCallback: "Single sign-on did not complete. Try again.",
};

const FALLBACK = "Signing in failed. Try again.";

function duration(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? "1 second" : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}

export function signInErrorMessage(code: string): string {
  const refused = /^(SignInLocked|SignInTooSoon):(\d{1,6})$/.exec(code);
  if (refused) {
    const wait = duration(Number(refused[2]));
    return refused[1] === "SignInLocked"
      ? `Too many failed sign-ins: signing in is locked for ${wait}. Nothing was checked. If you have forgotten your password, ask an admin.`
      : `Too many failed sign-ins in a row: wait ${wait} before trying again.`;
  }
  return ERRORS[code] ?? FALLBACK;
}
