import { beforeEach } from "vitest";
import { clearTestCookies } from "./next-headers";
import { signInForTests } from "./sign-in";

/** Each unit test starts signed in as an admin, with no other cookie; a test about roles signs in as someone else. */
beforeEach(async () => {
  clearTestCookies();
  await signInForTests({ id: "tester", name: "Test admin", roles: ["admin"] });
});
