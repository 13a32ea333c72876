import { describe, expect, it } from "vitest";
import { signInErrorMessage } from "./sign-in-errors";

describe("signInErrorMessage", () => {
  it("says next-auth's errors in words", () => {
    expect(signInErrorMessage("CredentialsSignin")).toBe("That username and password do not match.");
    expect(signInErrorMessage("something new")).toBe("Signing in failed. Try again.");
  });

  it("says how long a lockout or a delay lasts", () => {
    expect(signInErrorMessage("SignInLocked:300")).toBe("Too many failed sign-ins: signing in is locked for 5 minutes. Nothing was checked. If you have forgotten your password, ask an admin.");
    expect(signInErrorMessage("SignInLocked:61")).toContain("locked for 2 minutes");
    expect(signInErrorMessage("SignInTooSoon:1")).toBe("Too many failed sign-ins in a row: wait 1 second before trying again.");
    expect(signInErrorMessage("SignInTooSoon:4")).toContain("wait 4 seconds");
  });

  it("reads nothing else into a code that only looks like one", () => {
    expect(signInErrorMessage("SignInLocked:soon")).toBe("Signing in failed. Try again.");
    expect(signInErrorMessage("SignInLocked:300<script>")).toBe("Signing in failed. Try again.");
  });
});
