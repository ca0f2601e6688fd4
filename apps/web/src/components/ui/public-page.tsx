import { Box, Container, Group, Paper } from "@mantine/core";
import type { ReactNode } from "react";
import { BrandMark } from "../layout/brand-mark.tsx";
import { LanguageSwitcher } from "../layout/language-switcher.tsx";

interface PublicPageProps {
  label: string;
  children: ReactNode;
}

/**
 * The frame of a one-time-link page (sign, approve hours, evaluate): no navigation, no login,
 * narrow enough to read on a phone, and a language switch, since the person holding the link
 * may read the other language than whoever set up their browser. The page's text follows the
 * interface language, which <html lang> follows too (lib/i18n.ts).
 */
export function PublicPage({ label, children }: PublicPageProps) {
  return (
    <Box bg="gray.0" mih="100vh">
      <Box component="header" bg="white" py="sm" style={{ borderBottom: "1px solid var(--mantine-color-gray-3)" }}>
        <Container size="sm">
          <Group justify="space-between" wrap="nowrap">
            <Group gap="xs" className="brand">
              <BrandMark />
              <span>Bridgework</span>
            </Group>
            <LanguageSwitcher />
          </Group>
        </Container>
      </Box>
      <Container
        size="sm"
        px={{ base: "xs", sm: "md" }}
        py="lg"
        component="main"
        id="main"
        tabIndex={-1}
        aria-label={label}
      >
        <Paper withBorder radius="md" p={{ base: "md", sm: "xl" }}>
          {children}
        </Paper>
      </Container>
    </Box>
  );
}
