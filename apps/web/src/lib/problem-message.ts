import type { TFunction } from "i18next";
import { ApiError } from "./api-error.ts";

/**
 * The sentence to show for a failure. Server details are specific ("Too many attempts, try
 * again in 12 minutes"), so they are shown as they are; network and server faults get a
 * translated, friendlier line instead of a technical one.
 */
export function problemMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t("errors.network");
    if (error.status >= 500) return t("errors.server");
    // Not a problem+json answer (a proxy's page): its status line is English and says nothing useful.
    if (error.type === "about:blank") return t("errors.unexpected", { status: error.status });
    if (error.status === 403) return error.detail || t("errors.forbidden");
    return error.detail || error.title;
  }
  return t("errors.server");
}
