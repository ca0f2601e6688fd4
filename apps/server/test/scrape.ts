import parsePrometheusTextFormat, { type PrometheusFamily, type PrometheusSample } from "parse-prometheus-text-format";

/** One scrape, parsed the way Prometheus reads it, with lookups by metric name and labels. */
export interface Scrape {
  families: PrometheusFamily[];
  family(name: string): PrometheusFamily;
  /** The sample whose labels include all of `labels`; undefined when there is none. */
  sample(name: string, labels?: Record<string, string>): PrometheusSample | undefined;
  /** A counter's or gauge's value (0 when the series does not exist yet, as Prometheus' `or 0`). */
  value(name: string, labels?: Record<string, string>): number;
}

export async function scrape(url: string, token: string): Promise<Scrape> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`scrape ${url}: ${res.status}`);
  const families = parsePrometheusTextFormat(await res.text());
  const family = (name: string) => {
    const found = families.find((f) => f.name === name);
    if (!found) throw new Error(`no metric ${name} in the scrape`);
    return found;
  };
  const sample = (name: string, labels: Record<string, string> = {}) =>
    family(name).metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v));
  return {
    families,
    family,
    sample,
    value: (name, labels = {}) => {
      const found = families.find((f) => f.name === name)?.metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v));
      return Number(found?.value ?? 0);
    },
  };
}
