import type { Me } from "@bridgework/domain";
import { Anchor, AppShell, Badge, Box, Burger, Button, Group, NavLink, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { Link, Outlet, useMatches, useRouterState } from "@tanstack/react-router";
import { memo, startTransition, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useMailboxAvailable } from "../../hooks/use-mailbox-available.ts";
import { useWaiting, WAITING_COUNT } from "../../hooks/use-waiting.ts";
import { useInterestCount } from "../../hooks/use-interest-count.ts";
import { useSession } from "../../lib/session.ts";
import { BrandMark } from "./brand-mark.tsx";
import { LanguageSwitcher } from "./language-switcher.tsx";
import { MAILBOX_ENTRY, NAVIGATION, type NavEntry } from "./navigation.ts";
import { UserMenu } from "./user-menu.tsx";

/** Header, role navigation and main landmark around every page, with a skip link first. */
export function AppLayout() {
  const { t } = useTranslation();
  const current = useSession();
  const [opened, { toggle, close }] = useDisclosure(false);
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const bare = useMatches({ select: (matches) => matches.some((m) => m.staticData.bare === true) });
  const mailbox = useMailboxAvailable();
  const user = current.status === "authenticated" ? current.user : null;

  // A page change closes the mobile menu and moves focus to the new page's content, so keyboard
  // and screen-reader users start there instead of where a removed button used to be.
  const firstPath = useRef(pathname);
  useEffect(() => {
    close();
    if (pathname === firstPath.current) return;
    firstPath.current = "";
    document.getElementById("main")?.focus({ preventScroll: true });
  }, [pathname, close]);

  // One-time-link pages (sign, hours, evaluate) draw their own frame: no login, no navigation.
  if (bare) return <Outlet />;

  return (
    <>
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <AppShell
        header={{ height: 60 }}
        navbar={user ? { width: 240, breakpoint: "sm", collapsed: { mobile: !opened } } : undefined}
        padding="lg"
      >
        <AppShell.Header px="md">
          <Group h="100%" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              {user ? (
                <Burger
                  opened={opened}
                  onClick={toggle}
                  hiddenFrom="sm"
                  size="sm"
                  aria-label={t("app.toggleNavigation")}
                  aria-expanded={opened}
                />
              ) : null}
              {/* Named by aria-label so it keeps a name on phones, where only the mark shows. */}
              <Link to="/" className="brand" aria-label={t("app.name")}>
                <BrandMark />
                <Box component="span" visibleFrom="xs">
                  {t("app.name")}
                </Box>
              </Link>
              <Text size="sm" c="dimmed" visibleFrom="md">
                {t("app.tagline")}
              </Text>
            </Group>
            <Group gap="sm" wrap="nowrap">
              <LanguageSwitcher />
              {user ? <UserMenu user={user} /> : null}
              {current.status === "anonymous" && mailbox && pathname !== "/mailbox" ? (
                <Anchor component={Link} to="/mailbox" size="sm" visibleFrom="sm">
                  {t("nav.mailbox")}
                </Anchor>
              ) : null}
              {current.status === "anonymous" && pathname !== "/login" ? (
                <Button component={Link} to="/login" size="xs" variant="default">
                  {t("nav.login")}
                </Button>
              ) : null}
            </Group>
          </Group>
        </AppShell.Header>
        {user ? (
          <AppShell.Navbar p="sm" aria-label={t("app.mainNavigation")} className="app-navbar">
            <Navigation user={user} mailbox={mailbox} pathname={pathname} />
          </AppShell.Navbar>
        ) : null}
        <AppShell.Main id="main" tabIndex={-1} className="app-main">
          <Outlet />
        </AppShell.Main>
      </AppShell>
    </>
  );
}

/**
 * False on the first render, true from a background render a task later: what it guards is
 * drawn (and inserted) apart from the rest of its render.
 */
function useSoon(): boolean {
  const [soon, setSoon] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => startTransition(() => setSoon(true)), 0);
    return () => clearTimeout(timer);
  }, []);
  return soon;
}

/**
 * The role's links with their waiting counts. Its own component, so that the counts' answers
 * (and a page change) redraw the navigation, not the whole frame; each link redraws only when
 * its own state changes. After login the links come a moment after the sidebar: twenty-odd
 * router links mounting in the same task as the sidebar and the page held the main thread long.
 */
function Navigation({ user, mailbox, pathname }: { user: Me; mailbox: boolean; pathname: string }) {
  const { t } = useTranslation();
  const waiting = useWaiting().data;
  const interests = useInterestCount().data?.waiting ?? 0;
  const shown = useSoon();
  if (!shown) return null;
  const entries: NavEntry[] = [...NAVIGATION[user.role], ...(mailbox ? [MAILBOX_ENTRY] : [])];
  return entries.map((entry) => {
    const count =
      (waiting && entry.waiting ? entry.waiting.reduce((sum, kind) => sum + waiting[WAITING_COUNT[kind]], 0) : 0) +
      (entry.interests ? interests : 0);
    return (
      <NavigationLink
        key={entry.to}
        entry={entry}
        label={t(`nav.${entry.label}`)}
        countLabel={count > 0 ? t("waiting.navCount", { count }) : ""}
        count={count}
        active={entry.to === "/" ? pathname === "/" : pathname.startsWith(entry.to)}
      />
    );
  });
}

interface NavigationLinkProps {
  entry: NavEntry;
  label: string;
  count: number;
  countLabel: string;
  active: boolean;
}

const NavigationLink = memo(function NavigationLink({ entry, label, count, countLabel, active }: NavigationLinkProps) {
  return (
    <NavLink
      component={Link}
      to={entry.to}
      label={
        <>
          {label}
          {/* The count is part of the link's name ("Approval queue, 3 waiting"); the badge is decoration. */}
          {count > 0 ? <span className="visually-hidden">{countLabel}</span> : null}
        </>
      }
      className="nav-link"
      active={active}
      aria-current={active ? "page" : undefined}
      rightSection={
        count > 0 ? (
          <Badge size="sm" radius="xl" color="orange.9" variant="filled" aria-hidden className="nav-count">
            {count}
          </Badge>
        ) : null
      }
    />
  );
});
