import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";

/** Running the real AWS CLI against local ECS in tests, as a reader of the README would. */

export function findOnPath(program: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    try {
      accessSync(join(dir, program), constants.X_OK);
      return join(dir, program);
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

/** Only the README's settings, in a HOME of the test's own: nothing from the user's own AWS configuration may leak in. */
export function cliEnvironment(home: string): NodeJS.ProcessEnv {
  // A variable set to undefined is not passed to the child at all.
  const withoutUsersAws = Object.fromEntries(Object.keys(process.env).filter((name) => name.startsWith("AWS_")).map((name) => [name, undefined]));
  return {
    ...process.env,
    ...withoutUsersAws,
    HOME: home,
    AWS_ACCESS_KEY_ID: "test",
    AWS_SECRET_ACCESS_KEY: "test",
    AWS_DEFAULT_REGION: "us-east-1",
    AWS_PAGER: "",
    AWS_CONFIG_FILE: "/dev/null",
    AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
  };
}
