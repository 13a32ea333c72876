import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { actorOfSession } from "@/server/auth/session";
import { contentSecurityPolicy, newNonce, requestHeadersWithNonce, setSecurityHeaders, servedOverHttps } from "@/server/security/headers";

/**
 * Runs before every page and route handler.
 *
 * - Security headers on the response, with a fresh CSP nonce for the request (Next reads it
 *   from the request's CSP header and puts it on its own scripts). Static files get theirs from
 *   next.config.mjs.
 * - Pages are for people who have signed in: anyone else, and anyone whose session has ended
 *   (signed out, ended by an admin, no longer in the users file), is sent to the sign-in page,
 *   and back to where they were going afterwards. API routes answer 401 themselves (server/api/guard.ts),
 *   and every action checks again: this only spares a signed-out visitor an empty page.
 */
function needsSignIn(pathname: string): boolean {
  return !pathname.startsWith("/api/") && !pathname.startsWith("/sign-in");
}

function signInRedirect(request: NextRequest): NextResponse {
  const signIn = new URL("/sign-in", request.url);
  signIn.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(signIn);
}

async function signedInActor(request: NextRequest) {
  const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET });
  return token ? actorOfSession(token.sid) : undefined;
}

export async function proxy(request: NextRequest): Promise<NextResponse> {
  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" });
  const signedOut = needsSignIn(request.nextUrl.pathname) && !(await signedInActor(request));
  const response = signedOut
    ? // A server action sent without a live session is refused as the action itself would refuse it, not sent to a page.
      request.headers.has("next-action")
      ? NextResponse.json({ error: { code: "access-denied", message: "Sign in first." } }, { status: 401 })
      : signInRedirect(request)
    : NextResponse.next({ request: { headers: requestHeadersWithNonce(request.headers, nonce, policy, `${request.nextUrl.pathname}${request.nextUrl.search}`) } });
  setSecurityHeaders(response.headers, { policy, https: servedOverHttps(request.nextUrl, request.headers) });
  return response;
}

export const config = {
  // Built files and the icon skip it: they never carry a nonce, and need no sign-in.
  matcher: ["/((?!_next/static|_next/image|favicon.svg).*)"],
};
