import { Counter, type Registry } from "prom-client";
import { PREFIX } from "./registry.ts";

export type EmailOutcome = "sent" | "failed";

/** Counts this process's delivery attempts as they happen (the worker, or the server without Redis). */
export function emailDeliveries(registry: Registry): (outcome: EmailOutcome) => void {
  const counter = new Counter({
    name: `${PREFIX}email_deliveries_total`,
    help: "Email delivery attempts by outcome: sent, or failed (the SMTP server refused or did not answer; retried with backoff until the last attempt)",
    labelNames: ["outcome"],
    registers: [registry],
  });
  // Both series exist from the start, so a ratio of the two is defined before the first failure.
  counter.inc({ outcome: "sent" }, 0);
  counter.inc({ outcome: "failed" }, 0);
  return (outcome) => counter.inc({ outcome });
}
