import NextAuth from "next-auth";
import { authOptions } from "@/server/auth/options";

/** Sign-in, sign-out, the session and the CSRF token: next-auth's own routes. */
const handler = NextAuth(authOptions());

export { handler as GET, handler as POST };
