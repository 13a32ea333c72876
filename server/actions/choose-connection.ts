"use server";

import { cookies } from "next/headers";
import { connectionLabel } from "@/lib/connection-choice";
import { chooseConnectionInput } from "@/lib/schemas/connection";
import { connectionCookieValue, CONNECTION_COOKIE } from "@/server/aws/current-connection";
import { isKnownConnection } from "@/server/aws/known-connections";
import { listProfiles } from "@/server/aws/profiles";
import { ActionRefusal, defineAction } from "./action-client";

const A_YEAR_IN_SECONDS = 365 * 24 * 60 * 60;

/**
 * Remembers, for this browser, which region and profile to talk to AWS through. The cookie
 * holds the two names only; a profile must be one of the shared config files', and the
 * region one that exists here, as reads would ignore any other.
 */
export const chooseConnection = defineAction({
  name: "connection.choose",
  permission: "read",
  input: chooseConnectionInput,
  async run({ region, profile }) {
    if (profile !== undefined && !(await listProfiles()).some((known) => known.name === profile)) {
      throw new ActionRefusal(`There is no profile named ${profile} in the shared config files.`, "profile");
    }
    const connection = profile === undefined ? { region } : { region, profile };
    if (!(await isKnownConnection(connection))) throw new ActionRefusal(`Slipway does not know a region named ${region}. Pick one from the list.`, "region");
    (await cookies()).set(CONNECTION_COOKIE, connectionCookieValue(connection), {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      maxAge: A_YEAR_IN_SECONDS,
    });
    return { message: `Now showing ${connectionLabel(connection)}.`, value: connection };
  },
});
