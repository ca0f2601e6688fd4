import { Counter, Histogram, type Registry } from "prom-client";
import { PREFIX } from "./registry.ts";

/** One answered request, labelled by the route's pattern (never the raw URL: ids would make series without end). */
export interface RequestSample {
  method: string;
  /** `/api/matches/:id`; `unmatched` when no route matched (the 404 handler). */
  route: string;
  status: number;
  seconds: number;
}

/** Buckets from 5 ms to 10 s: the API's reads answer in milliseconds, reports and exports in seconds. */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function requestMetrics(registry: Registry): (sample: RequestSample) => void {
  const labelNames = ["method", "route", "status"] as const;
  const total = new Counter({
    name: `${PREFIX}http_requests_total`,
    help: "HTTP requests answered, by method, route pattern and status",
    labelNames,
    registers: [registry],
  });
  const duration = new Histogram({
    name: `${PREFIX}http_request_duration_seconds`,
    help: "Time from receiving a request to sending its answer, by method, route pattern and status",
    labelNames,
    buckets: BUCKETS,
    registers: [registry],
  });
  return ({ method, route, status, seconds }) => {
    const labels = { method, route, status: String(status) };
    total.inc(labels);
    duration.observe(labels, seconds);
  };
}
