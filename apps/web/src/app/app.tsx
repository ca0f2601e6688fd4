import { MantineProvider } from "@mantine/core";
import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import { i18n } from "../lib/i18n.ts";
import { session } from "../lib/session.ts";
import { createQueryClient } from "./query-client.ts";
import { createAppRouter } from "./router.tsx";
import { cssVariablesResolver, theme } from "./theme.ts";

/** Nothing one person loaded may be shown to the next one on this browser. */
function useClearCacheOnLogout(queryClient: QueryClient) {
  useEffect(() => {
    let previous = session.get().status;
    return session.subscribe(() => {
      const next = session.get().status;
      if (previous === "authenticated" && next === "anonymous") queryClient.clear();
      previous = next;
    });
  }, [queryClient]);
}

/**
 * The API words problems and suggestion reasons in the language each request asks for, so what
 * was fetched in the previous language is refetched in the new one.
 */
function useRefetchOnLanguageChange(queryClient: QueryClient) {
  useEffect(() => {
    const refetch = () => void queryClient.invalidateQueries();
    i18n.on("languageChanged", refetch);
    return () => i18n.off("languageChanged", refetch);
  }, [queryClient]);
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(createAppRouter);
  useClearCacheOnLogout(queryClient);
  useRefetchOnLanguageChange(queryClient);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
