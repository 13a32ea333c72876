import type { Server } from "node:http";

/**
 * Binds a server to the first of `candidates` that is free (a task keeping its old port after
 * a restart, a listener taking its own port), else to any free port. Returns the port bound.
 */
export async function listenOnFirstFree(server: Server, host: string, candidates: Array<number | undefined>): Promise<number> {
  for (const port of candidates) {
    if (port === undefined || !(port > 0 && port <= 65535)) continue;
    try {
      return await listen(server, host, port);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "EADDRINUSE" && code !== "EACCES") throw error;
    }
  }
  return listen(server, host, 0);
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => {
      server.off("listening", onListening);
      reject(error);
    };
    const onListening = () => {
      server.off("error", onError);
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : port);
    };
    server.once("error", onError);
    server.once("listening", onListening);
    server.listen({ host, port });
  });
}
