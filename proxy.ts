import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce, requestHeadersWithNonce, setSecurityHeaders, servedOverHttps } from "@/server/security/headers";

/**
 * Runs before every page and route handler: a fresh CSP nonce for the request (Next reads it
 * from the request's CSP header and puts it on its own scripts) and the security headers on the
 * response. Static files get their headers from next.config.mjs.
 */
export function proxy(request: NextRequest): NextResponse {
  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" });
  const response = NextResponse.next({ request: { headers: requestHeadersWithNonce(request.headers, nonce, policy) } });
  setSecurityHeaders(response.headers, { policy, https: servedOverHttps(request.nextUrl, request.headers) });
  return response;
}

export const config = {
  // Built files and the icon never carry a nonce: they skip the proxy.
  matcher: ["/((?!_next/static|_next/image|favicon.svg).*)"],
};
