import { createInterface } from "node:readline/promises";
import { hashPassword } from "../server/auth/password-hash";

/**
 * `npm run hash-password`: asks for a password (or reads one line from standard input) and
 * prints its hash, for the `passwordHash` of a user in SLIPWAY_USERS_FILE.
 */
const input = createInterface({ input: process.stdin, output: process.stdin.isTTY ? process.stderr : undefined, terminal: false });
const password = (await input.question(process.stdin.isTTY ? "Password: " : "")).replace(/\r?\n$/, "");
input.close();
if (password.length < 12) {
  console.error("Use at least 12 characters.");
  process.exit(2);
}
console.log(await hashPassword(password));
