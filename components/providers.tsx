"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useEffect, useState, type ReactNode } from "react";

/**
 * One React Query client per browser tab (and per server render). Live views poll on their
 * own interval, so a failed read is retried once, quickly, and after that the next poll is
 * the retry; data a server shell just rendered is not fetched again at once.
 */
function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 2_000,
        retry: 1,
        retryDelay: 1_000,
        refetchOnWindowFocus: true,
        refetchIntervalInBackground: false,
      },
    },
  });
}

/**
 * Marks the document once React has hydrated it (`<html data-hydrated>`): before then a click or
 * a change lands on the server's HTML and is lost. The browser tests wait for it after a load.
 */
function useHydratedMark(): void {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
}

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(createQueryClient);
  useHydratedMark();
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
