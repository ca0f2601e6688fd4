import parsePrometheusTextFormat, { type PrometheusFamily, type PrometheusSample } from "parse-prometheus-text-format";

/** One scrape, parsed the way Prometheus reads it, with lookups by metric name and labels. */
export interface Scrape {
  families: PrometheusFamily[];
  family(name: string): PrometheusFamily;
  /** The sample whose labels include all of `labels`; undefined when there is none. */
  sample(name: string, labels?: Record<string, string>): PrometheusSample | undefined;
  /** A counter's or gauge's value (0 when the series does not exist yet, as Prometheus' `or 0`). */
  value(name: string, labels?: Record<string, string>): number;
  /** One labelled series of a histogram: its cumulative buckets in the order written (upper bound `le`), count and sum. */
  histogram(
    name: string,
    labels: Record<string, string>,
  ): { buckets: Array<{ le: string; count: number }>; count: number; sum: number };
}

const matches = (sample: PrometheusSample, labels: Record<string, string>) =>
  Object.entries(labels).every(([k, v]) => sample.labels?.[k] === v);

export async function scrape(url: string, token: string): Promise<Scrape> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`scrape ${url}: ${res.status}`);
  const text = await res.text();
  const families = parsePrometheusTextFormat(text);
  // The parser folds every series of a histogram into one, dropping their labels; without its
  // TYPE line each of `_bucket`, `_sum` and `_count` reads as plain labelled series (`le` a label).
  const untyped = parsePrometheusTextFormat(text.replace(/^# (HELP|TYPE) \S+ .*$/gm, ""));
  const family = (name: string) => {
    const found = families.find((f) => f.name === name);
    if (!found) throw new Error(`no metric ${name} in the scrape`);
    return found;
  };
  const sample = (name: string, labels: Record<string, string> = {}) =>
    family(name).metrics.find((m) => matches(m, labels));
  // prom-client writes each series' buckets, sum and count together, so a name comes back as several families.
  const series = (name: string, labels: Record<string, string>) =>
    untyped.filter((f) => f.name === name).flatMap((f) => f.metrics.filter((m) => matches(m, labels)));
  return {
    families,
    family,
    sample,
    value: (name, labels = {}) => {
      const found = families.find((f) => f.name === name)?.metrics.find((m) => matches(m, labels));
      return Number(found?.value ?? 0);
    },
    histogram(name, labels) {
      // A list, not an object: "1" and "10" would jump ahead of "0.005" as an object's keys.
      const buckets = series(`${name}_bucket`, labels).map((m) => ({ le: m.labels!.le!, count: Number(m.value) }));
      const one = (suffix: string) => Number(series(`${name}_${suffix}`, labels)[0]?.value ?? NaN);
      return { buckets, count: one("count"), sum: one("sum") };
    },
  };
}
