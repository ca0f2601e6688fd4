import { Outlet, useRouter } from "@tanstack/react-router";
import { useDeferredValue, useEffect } from "react";
import { useSession } from "../../lib/session.ts";
import { PageLoader } from "../ui/page-loader.tsx";

/**
 * Pages behind login wait for the silent refresh, then render or send the visitor to the login
 * page. The redirect runs once per session change (not per render or location change), so it
 * cannot chase its own navigation.
 *
 * The page appears in a background render once the session is there (`useDeferredValue`): the
 * session's arrival is a blocking render (an external store), and a page such as the dashboard,
 * drawn in it, held the main thread for its whole first render. A logout hides it at once.
 */
export function RequireAuth() {
  const current = useSession();
  const router = useRouter();
  const reason = current.status === "anonymous" ? (current.reason ?? "none") : null;
  const authenticated = current.status === "authenticated";
  // false on the first render too (the session may be there before the router's first render).
  const shown = useDeferredValue(authenticated, false);

  useEffect(() => {
    if (reason === null) return;
    const href = router.state.location.href;
    // After a deliberate logout the next person starts fresh; otherwise come back here after login.
    const redirect = reason === "logout" || href === "/" ? undefined : href;
    void router.navigate({
      to: "/login",
      search: { redirect, expired: reason === "expired" ? true : undefined },
      replace: true,
    });
  }, [reason, router]);

  // Between the session's arrival and the page: nothing, not the loader (the sidebar appears at
  // once and moves the main column; a loader there would be seen to jump).
  if (authenticated) return shown ? <Outlet /> : null;
  return <PageLoader />;
}
