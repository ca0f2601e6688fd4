/**
 * Duplicate detection for "Get involved" submissions: is this company already an employer of the
 * region, or did it already raise its hand? Pure rules; the API computes the name similarity in
 * PostgreSQL with pg_trgm's `similarity()` on the names normalized here, and `trigramSimilarity`
 * below is the same measure in TypeScript (for tests and for the SPA, never for the queue's scores).
 *
 * The rule: score = trigram similarity of the normalized names
 *   + 0.7 when the website domains are the same (not a shared host such as facebook.com)
 *   + 0.4 when an email domain matches the other's email or website domain (not free mail)
 *   + 0.1 when the 5-digit postal codes are the same,
 * capped at 1. A score ≥ LIKELY_DUPLICATE (0.75) is a likely duplicate: nearly the same name, the
 * same own website, or a similar name with a shared email domain. A look-alike name alone
 * ("Valley Medical Center" / "Valley Dental Center", 0.56) stays below, even in the same postal
 * code (0.66). The weights were chosen on the hand-labelled DUPLICATE_TEST_SET (40 pairs).
 */

/** At or above: "likely duplicate". */
export const LIKELY_DUPLICATE = 0.75;
/** At or above: shown as a possible match in the queue. */
export const POSSIBLE_DUPLICATE = 0.4;

export const DUPLICATE_WEIGHTS = { website: 0.7, emailDomain: 0.4, postalCode: 0.1 } as const;
export const DUPLICATE_SIGNALS = ["name", "website", "emailDomain", "postalCode"] as const;
export type DuplicateSignal = (typeof DUPLICATE_SIGNALS)[number];

/** Email domains anyone can have an address at: they say nothing about the company. */
export const FREE_MAIL_DOMAINS = new Set([
  "gmail.com",
  "googlemail.com",
  "yahoo.com",
  "ymail.com",
  "outlook.com",
  "hotmail.com",
  "live.com",
  "msn.com",
  "icloud.com",
  "me.com",
  "mac.com",
  "aol.com",
  "proton.me",
  "protonmail.com",
  "gmx.com",
  "mail.com",
  "comcast.net",
  "att.net",
  "sbcglobal.net",
  "verizon.net",
  "yahoo.com.mx",
  "hotmail.es",
  "outlook.es",
]);

/** Website hosts many companies share: a page there is not a company's own domain. */
const SHARED_WEBSITE_HOSTS = new Set([
  "facebook.com",
  "instagram.com",
  "linkedin.com",
  "twitter.com",
  "x.com",
  "yelp.com",
  "google.com",
  "sites.google.com",
  "business.site",
  "wixsite.com",
  "squarespace.com",
  "godaddysites.com",
  "linktr.ee",
]);

/** Legal forms and filler words dropped from the end (and "the" from the start) of a name. */
const LEGAL_SUFFIXES = [
  "incorporated",
  "inc",
  "llc",
  "l l c",
  "llp",
  "lp",
  "ltd",
  "limited",
  "co",
  "company",
  "corp",
  "corporation",
  "pc",
  "plc",
  "pllc",
  "gmbh",
  "sa de cv",
  "s a de c v",
  "sapi de cv",
  "s de rl de cv",
  "s de rl",
  "sa",
  "sc",
  "ac",
];

/** Abbreviations written out, so "Valley Medical Ctr." reads like "Valley Medical Center". */
const ABBREVIATIONS: Record<string, string> = {
  ctr: "center",
  cntr: "center",
  centre: "center",
  med: "medical",
  hosp: "hospital",
  mfg: "manufacturing",
  intl: "international",
  natl: "national",
  svc: "services",
  svcs: "services",
  service: "services",
  assoc: "associates",
  assn: "association",
  bros: "brothers",
  dept: "department",
  univ: "university",
  tech: "technology",
  technologies: "technology",
  sys: "systems",
  grp: "group",
  mgmt: "management",
  dist: "district",
  and: "",
  y: "",
  of: "",
  de: "",
};

/** Lower case, no accents, "&" as a space, punctuation gone, words single-spaced. */
function plainWords(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " ")
    .replace(/['’`]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .replace(/\s+/g, " ");
}

/**
 * A company's name as compared: case, accents, punctuation, a leading "The", trailing legal
 * forms (Inc, LLC, Co, Corp, Ltd, S.A. de C.V.…) and common abbreviations (Ctr → center) do not
 * count. "ACME, Inc." and "Acme Corporation" are both "acme".
 */
export function normalizeCompanyName(name: string): string {
  let s = ` ${plainWords(name)} `;
  s = s.replace(/^ (the|el|la|los|las) /, " ");
  let changed = true;
  while (changed) {
    changed = false;
    for (const suffix of LEGAL_SUFFIXES) {
      const tail = ` ${suffix} `;
      if (s.endsWith(tail) && s.length > tail.length) {
        s = s.slice(0, s.length - tail.length + 1);
        changed = true;
      }
    }
  }
  const words = s
    .trim()
    .split(" ")
    .map((w) => (w in ABBREVIATIONS ? ABBREVIATIONS[w]! : w))
    .filter((w) => w !== "");
  return words.join(" ");
}

/** "https://www.Acme.com/about" → "acme.com"; null when there is no host. */
export function websiteDomain(website: string | null | undefined): string | null {
  if (!website) return null;
  const host = website
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, "")
    .replace(/^[^@/]*@/, "")
    .split(/[/?#:]/)[0]!
    .replace(/^www\d?\./, "")
    .replace(/\.$/, "");
  return host.includes(".") ? host : null;
}

/** A website domain that says which company it is: not a page on a shared host. */
export function ownWebsiteDomain(website: string | null | undefined): string | null {
  const domain = websiteDomain(website);
  if (!domain) return null;
  for (const shared of SHARED_WEBSITE_HOSTS) {
    if (domain === shared || domain.endsWith(`.${shared}`)) return null;
  }
  return domain;
}

/** The company's email domain ("ana@Acme.com" → "acme.com"), or null for free mail and bad input. */
export function emailDomain(email: string | null | undefined): string | null {
  if (!email) return null;
  const at = email.lastIndexOf("@");
  if (at < 0) return null;
  const domain = email
    .slice(at + 1)
    .trim()
    .toLowerCase()
    .replace(/\.$/, "");
  if (!domain.includes(".") || FREE_MAIL_DOMAINS.has(domain)) return null;
  return domain;
}

/** The 5-digit postal code ("93721-1234" → "93721"), or null. */
export function postalCode5(postal: string | null | undefined): string | null {
  const m = postal?.trim().match(/^(\d{5})(?:[-\s]?\d{4})?$/);
  return m ? m[1]! : null;
}

/** Two domains are the company's when equal, or one is a subdomain of the other (fresno.kp.org / kp.org). */
export function sameDomain(a: string | null, b: string | null): boolean {
  if (!a || !b) return false;
  return a === b || a.endsWith(`.${b}`) || b.endsWith(`.${a}`);
}

/** What a company says about itself that duplicate detection compares. */
export interface CompanyFacts {
  name: string;
  website?: string | null;
  /** The contact's address (a submission) or any of the employer's users' addresses. */
  emails?: readonly string[];
  postalCode?: string | null;
}

export interface DuplicateScore {
  score: number;
  likely: boolean;
  /** The signals that matched, strongest first ("name" when the names are ≥ 0.5 alike). */
  signals: DuplicateSignal[];
  nameSimilarity: number;
}

/** The exact-match signals between two companies (the name similarity comes separately). */
export function exactSignals(a: CompanyFacts, b: CompanyFacts) {
  const aMail = new Set((a.emails ?? []).map(emailDomain).filter((d): d is string => d !== null));
  const bMail = (b.emails ?? []).map(emailDomain).filter((d): d is string => d !== null);
  const aSite = ownWebsiteDomain(a.website);
  const bSite = ownWebsiteDomain(b.website);
  const website = sameDomain(aSite, bSite);
  // A contact at acme.com matches an employer whose website is acme.com, too.
  const emailDomainMatch =
    bMail.some((d) => [...aMail].some((m) => sameDomain(m, d))) ||
    bMail.some((d) => sameDomain(d, aSite)) ||
    [...aMail].some((d) => sameDomain(d, bSite));
  const a5 = postalCode5(a.postalCode);
  return {
    website,
    emailDomain: emailDomainMatch && !website,
    postalCode: a5 !== null && a5 === postalCode5(b.postalCode),
  };
}

/** The rule (see the top of this file): name similarity plus the exact signals, capped at 1. */
export function scoreDuplicate(
  nameSimilarity: number,
  signals: { website: boolean; emailDomain: boolean; postalCode: boolean },
): DuplicateScore {
  const raw =
    nameSimilarity +
    (signals.website ? DUPLICATE_WEIGHTS.website : 0) +
    (signals.emailDomain ? DUPLICATE_WEIGHTS.emailDomain : 0) +
    (signals.postalCode ? DUPLICATE_WEIGHTS.postalCode : 0);
  const score = Math.round(Math.min(1, raw) * 100) / 100;
  const matched: DuplicateSignal[] = [];
  if (signals.website) matched.push("website");
  if (signals.emailDomain) matched.push("emailDomain");
  if (nameSimilarity >= 0.5) matched.push("name");
  if (signals.postalCode) matched.push("postalCode");
  return { score, likely: score >= LIKELY_DUPLICATE, signals: matched, nameSimilarity };
}

/**
 * pg_trgm's `similarity()` in TypeScript: words (runs of letters and digits) padded with two
 * spaces before and one after, their distinct 3-grams, shared / all. Equal to PostgreSQL's for
 * the ASCII names normalizeCompanyName returns.
 */
export function trigramSimilarity(a: string, b: string): number {
  const ta = trigrams(a);
  const tb = trigrams(b);
  if (ta.size === 0 || tb.size === 0) return 0;
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return shared / (ta.size + tb.size - shared);
}

function trigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of text.toLowerCase().split(/[^a-z0-9]+/)) {
    if (!word) continue;
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  }
  return out;
}

/** Both companies compared entirely in TypeScript (tests and the test set; the API uses SQL's similarity). */
export function compareCompanies(a: CompanyFacts, b: CompanyFacts): DuplicateScore {
  return scoreDuplicate(
    trigramSimilarity(normalizeCompanyName(a.name), normalizeCompanyName(b.name)),
    exactSignals(a, b),
  );
}
