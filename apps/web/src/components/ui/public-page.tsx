import { Box, Container, Group, Paper } from "@mantine/core";
import type { ReactNode } from "react";
import { BrandMark } from "../layout/brand-mark.tsx";

interface PublicPageProps {
  /** The language of the page's content when it differs from the interface (a Spanish document). */
  lang?: string;
  label: string;
  children: ReactNode;
}

/**
 * The frame of a one-time-link page (sign, approve hours, evaluate): no navigation, no login,
 * narrow enough to read on a phone.
 */
export function PublicPage({ lang, label, children }: PublicPageProps) {
  return (
    <Box bg="gray.0" mih="100vh" lang={lang}>
      <Box component="header" bg="white" py="sm" style={{ borderBottom: "1px solid var(--mantine-color-gray-3)" }}>
        <Container size="sm">
          <Group gap="xs" className="brand">
            <BrandMark />
            <span>Bridgework</span>
          </Group>
        </Container>
      </Box>
      <Container size="sm" px={{ base: "xs", sm: "md" }} py="lg" component="main" id="main" tabIndex={-1} aria-label={label}>
        <Paper withBorder radius="md" p={{ base: "md", sm: "xl" }}>
          {children}
        </Paper>
      </Container>
    </Box>
  );
}
