import { describe, expect, it } from "vitest";
import { DUPLICATE_TEST_SET } from "./duplicate-test-set.ts";
import {
  compareCompanies,
  emailDomain,
  LIKELY_DUPLICATE,
  normalizeCompanyName,
  ownWebsiteDomain,
  postalCode5,
  scoreDuplicate,
  trigramSimilarity,
  websiteDomain,
} from "./duplicates.ts";

describe("normalizeCompanyName", () => {
  it.each([
    ["ACME, Inc.", "acme"],
    ["Acme Corporation", "acme"],
    ["The Fresno Bee", "fresno bee"],
    ["Sierra Builders, LLC", "sierra builders"],
    ["Panadería La Esperanza S.A. de C.V.", "panaderia la esperanza"],
    ["Valley Medical Ctr.", "valley medical center"],
    ["Johnson & Johnson", "johnson johnson"],
    ["Central Valley Mfg. Co.", "central valley manufacturing"],
    ["Harris Ranch Beef Co Ltd", "harris ranch beef"],
  ])("%s → %s", (name, expected) => {
    expect(normalizeCompanyName(name)).toBe(expected);
  });

  it("keeps a name that is only a legal form", () => {
    expect(normalizeCompanyName("Company")).toBe("company");
  });
});

describe("domains and postal codes", () => {
  it("takes the host of a website without scheme, www. or path", () => {
    expect(websiteDomain("https://www.Acme.com/about?x=1")).toBe("acme.com");
    expect(websiteDomain("acme.com")).toBe("acme.com");
    expect(websiteDomain("http://shop.acme.com:8080")).toBe("shop.acme.com");
    expect(websiteDomain("not a site")).toBeNull();
    expect(websiteDomain(null)).toBeNull();
  });

  it("does not count a page on a shared host as the company's domain", () => {
    expect(ownWebsiteDomain("https://facebook.com/acme")).toBeNull();
    expect(ownWebsiteDomain("acme.business.site")).toBeNull();
    expect(ownWebsiteDomain("acme.com")).toBe("acme.com");
  });

  it("ignores free-mail email domains", () => {
    expect(emailDomain("Ana@Acme.com")).toBe("acme.com");
    for (const free of ["gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "aol.com"]) {
      expect(emailDomain(`x@${free}`)).toBeNull();
    }
    expect(emailDomain("nobody")).toBeNull();
  });

  it("keeps the five digits of a postal code", () => {
    expect(postalCode5("93721")).toBe("93721");
    expect(postalCode5(" 93721-1234 ")).toBe("93721");
    expect(postalCode5("9372")).toBeNull();
    expect(postalCode5("ABC 123")).toBeNull();
  });
});

describe("scoreDuplicate", () => {
  it("adds the exact signals to the name similarity, capped at 1", () => {
    expect(scoreDuplicate(0.3, { website: true, emailDomain: false, postalCode: false }).score).toBe(1);
    expect(scoreDuplicate(0.3, { website: false, emailDomain: true, postalCode: true }).score).toBe(0.8);
    expect(scoreDuplicate(0.9, { website: true, emailDomain: false, postalCode: true }).score).toBe(1);
    expect(scoreDuplicate(0.54, { website: false, emailDomain: false, postalCode: true })).toMatchObject({
      score: 0.64,
      likely: false,
      signals: ["name", "postalCode"],
    });
  });

  it("flags nearly the same name, and the same company written differently with its domain", () => {
    expect(compareCompanies({ name: "Valley Medical Center" }, { name: "Valley Medical Ctr." }).likely).toBe(true);
    const acme = compareCompanies(
      { name: "ACME, Inc.", website: "acme.com" },
      { name: "Acme Corporation", website: "https://www.acme.com" },
    );
    expect(acme).toMatchObject({ likely: true, score: 1, signals: ["website", "name"] });
  });

  it("does not flag a look-alike in another postal code", () => {
    const r = compareCompanies(
      { name: "Valley Medical Center", postalCode: "93721" },
      { name: "Valley Dental Center", postalCode: "93650" },
    );
    expect(r.likely).toBe(false);
    expect(r.score).toBeLessThan(LIKELY_DUPLICATE);
  });

  it("matches a contact's email domain with the employer's website", () => {
    const r = compareCompanies(
      { name: "Kaiser Permanente", website: "kp.org" },
      { name: "KP Fresno", emails: ["jo@fresno.kp.org"] },
    );
    expect(r.signals).toContain("emailDomain");
  });
});

describe("trigramSimilarity (pg_trgm's measure)", () => {
  it("is 1 for the same words and 0 for nothing shared", () => {
    expect(trigramSimilarity("acme", "acme")).toBe(1);
    expect(trigramSimilarity("acme", "zzz")).toBe(0);
    expect(trigramSimilarity("", "acme")).toBe(0);
  });
});

describe("the rule on the hand-labelled test set", () => {
  it("has precision ≥ 0.9 and recall ≥ 0.8", () => {
    expect(DUPLICATE_TEST_SET.length).toBeGreaterThanOrEqual(30);
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const misses: string[] = [];
    for (const pair of DUPLICATE_TEST_SET) {
      const r = compareCompanies(pair.a, pair.b);
      if (r.likely && pair.duplicate) tp++;
      if (r.likely && !pair.duplicate) fp++;
      if (!r.likely && pair.duplicate) fn++;
      if (r.likely !== pair.duplicate) misses.push(`${pair.a.name} / ${pair.b.name}: ${r.score}`);
    }
    const precision = tp / (tp + fp);
    const recall = tp / (tp + fn);
    const duplicates = DUPLICATE_TEST_SET.filter((p) => p.duplicate).length;
    console.log(
      `duplicate rule on ${DUPLICATE_TEST_SET.length} pairs (${duplicates} duplicates): precision ${precision.toFixed(2)}, recall ${recall.toFixed(2)} (tp ${tp}, fp ${fp}, fn ${fn})${misses.length ? `; wrong: ${misses.join("; ")}` : ""}`,
    );
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.8);
  });
});
