import { Box } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import { type ReactNode, useDeferredValue } from "react";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { PageLoader } from "../../../components/ui/page-loader.tsx";

interface LoadedProps<T> {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
  /**
   * The loaded card's height on a wide screen (CSS), kept while it loads and as the loaded card's
   * least height: the cards below then stay where they are when it arrives instead of jumping
   * down, or up when it is shorter (layout shift, which Lighthouse counts against the page).
   */
  reserve?: string;
}

/**
 * Loading and error states in place, so one failed report does not blank the page.
 *
 * The card's content is drawn from a deferred copy of the data (`useDeferredValue`): an answer's
 * arrival is a blocking render (TanStack Query's store), so the loader stays for that one, and
 * React then draws the card in a background render that yields to the browser every few
 * milliseconds. Nine answers arriving on a cold load no longer each block the main thread for the
 * whole card (Total Blocking Time; docs/architecture.md, "First page").
 */
export function Loaded<T>({ query, children, reserve }: LoadedProps<T>) {
  const data = useDeferredValue(query.data);
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (data === undefined)
    return reserve ? (
      <Box mih={reserve}>
        <PageLoader />
      </Box>
    ) : (
      <PageLoader />
    );
  // A grid of one: the card stretches to the least height (and to its row's, beside another card).
  return reserve ? (
    <Box mih={reserve} style={{ display: "grid" }}>
      {children(data)}
    </Box>
  ) : (
    <>{children(data)}</>
  );
}
