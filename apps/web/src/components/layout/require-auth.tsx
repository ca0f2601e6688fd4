import { Outlet, useRouter } from "@tanstack/react-router";
import { useEffect } from "react";
import { useSession } from "../../lib/session.ts";
import { PageLoader } from "../ui/page-loader.tsx";

/**
 * Pages behind login wait for the silent refresh, then render or send the visitor to the login
 * page. The redirect runs once per session change (not per render or location change), so it
 * cannot chase its own navigation.
 */
export function RequireAuth() {
  const current = useSession();
  const router = useRouter();
  const reason = current.status === "anonymous" ? (current.reason ?? "none") : null;

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

  return current.status === "authenticated" ? <Outlet /> : <PageLoader />;
}
