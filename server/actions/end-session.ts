"use server";

import { z } from "zod";
import { sharedSessionStore } from "@/server/auth/session-store";
import { ActionRefusal, defineAction } from "./action-client";

const endSessionInput = z.object({ sessionId: z.string().min(1).max(64) });

/** Ends someone's session: their next request, on any page or route, finds them signed out. */
export const endSession = defineAction({
  name: "session.end",
  permission: "manage-sessions",
  input: endSessionInput,
  async run({ sessionId }, { actor }) {
    const store = sharedSessionStore();
    const session = store.find(sessionId);
    if (!session) throw new ActionRefusal("There is no such session.");
    const yours = sessionId === actor.sessionId;
    if (!store.end(sessionId, actor.name, yours ? "Signed out." : `Ended by ${actor.name}.`)) throw new ActionRefusal(`${session.name}'s session had already ended.`);
    return {
      message: yours ? "Your session has ended: sign in again to go on." : `${session.name}'s session has ended: their next request goes to the sign-in page.`,
      value: undefined,
      target: `session/${session.userId}`,
    };
  },
});
