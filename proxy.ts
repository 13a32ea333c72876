import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";

/**
 * Pages are for people who have signed in: anyone else is sent to the sign-in page, and back
 * to where they were going afterwards. API routes answer 401 themselves (server/api/guard.ts),
 * and every action checks again: this only spares a signed-out visitor an empty page.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET });
  if (token) return NextResponse.next();
  const signIn = new URL("/sign-in", request.url);
  signIn.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(signIn);
}

export const config = {
  // Everything but the sign-in page, the API (which answers for itself) and static files.
  matcher: ["/((?!api/|sign-in|_next/static|_next/image|favicon.svg).*)"],
};
