import { Box } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { PageLoader } from "../../../components/ui/page-loader.tsx";

interface LoadedProps<T> {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
  /**
   * The loaded card's height on a wide screen (CSS), kept while it loads: the cards below then
   * stay where they are when it arrives instead of jumping down (layout shift, which Lighthouse
   * counts against the page).
   */
  reserve?: string;
}

/** Loading and error states in place, so one failed report does not blank the page. */
export function Loaded<T>({ query, children, reserve }: LoadedProps<T>) {
  if (query.isPending)
    return reserve ? (
      <Box mih={reserve}>
        <PageLoader />
      </Box>
    ) : (
      <PageLoader />
    );
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}
