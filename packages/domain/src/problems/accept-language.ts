import { GUARDIAN_LANGUAGES, type GuardianLanguage } from "../placements/students.ts";

/**
 * The language to answer in from an `Accept-Language` header (RFC 9110 §12.5.4): the supported
 * language with the highest q-value wins, a range matching by its primary tag (`es-MX` → es);
 * `q=0` means "not this"; ties keep the header's order; English when nothing we speak is asked.
 */
export function pickLanguage(header: string | undefined | null): GuardianLanguage {
  if (!header) return "en";
  let best: { language: GuardianLanguage; q: number } | null = null;
  for (const part of header.split(",")) {
    const [range = "", ...parameters] = part.trim().split(";");
    const primary = range.trim().toLowerCase().split("-")[0] ?? "";
    const qParameter = parameters.map((p) => p.trim()).find((p) => p.toLowerCase().startsWith("q="));
    const q = qParameter ? Number(qParameter.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0 || q > 1) continue;
    const language = (GUARDIAN_LANGUAGES as readonly string[]).includes(primary) ? (primary as GuardianLanguage) : null;
    if (language && (!best || q > best.q)) best = { language, q };
  }
  return best?.language ?? "en";
}
