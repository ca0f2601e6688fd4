import { Box } from "@mantine/core";
import type { ReactNode } from "react";

/** A table that may scroll sideways on narrow screens, reachable by keyboard (Tab, then arrows). */
export function ScrollTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box role="group" aria-label={label} tabIndex={0} style={{ overflowX: "auto" }}>
      {children}
    </Box>
  );
}
