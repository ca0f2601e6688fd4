import { describe, expect, it } from "vitest";
import {
  matchWord,
  oneEditFromAStart,
  parseSearch,
  scoreDocument,
  withinOneEdit,
  wordsOf,
  wordStart,
} from "./catalog-search.ts";

const doc = (title: string, sector = "", description = "") => ({
  title: wordsOf(title),
  sector: wordsOf(sector),
  description: wordsOf(description),
});
const score = (q: string, d: ReturnType<typeof doc>) => scoreDocument(parseSearch(q), d);

describe("catalog search words", () => {
  it("folds case and accents and splits on anything but letters and digits", () => {
    expect(wordsOf("Técnico de SOLDADURA (año 2), e-commerce")).toEqual([
      "tecnico",
      "de",
      "soldadura",
      "ano",
      "2",
      "e",
      "commerce",
    ]);
  });

  it("finds words by their start as people type", () => {
    expect(matchWord("nurs", "nurse")).toBe("partial");
    expect(matchWord("nurs", "nursing")).toBe("partial");
    expect(matchWord("weld", "welding")).toBe("partial");
    expect(matchWord("welding", "welding")).toBe("exact");
    expect(matchWord("weld", "bolt")).toBeNull();
  });

  it("drops one plain English ending, so a word finds its other forms", () => {
    expect(wordStart("nursing")).toBe("nurs");
    expect(wordStart("hospitals")).toBe("hospital");
    expect(wordStart("paid")).toBe("paid");
    expect(matchWord("nursing", "nurse")).toBe("partial");
    expect(matchWord("welders", "welding")).toBe("partial");
  });

  it("forgives one slip on words of five letters or more, not on shorter ones", () => {
    expect(withinOneEdit("nursng", "nursing")).toBe(true);
    expect(withinOneEdit("wlediing", "welding")).toBe(false);
    expect(withinOneEdit("wledign", "welding")).toBe(false);
    expect(withinOneEdit("wleding", "welding")).toBe(true);
    expect(matchWord("nursng", "nursing")).toBe("partial");
    expect(matchWord("solr", "solar")).toBeNull();
    expect(matchWord("roboitcs", "robotics")).toBe("partial");
    // A typo in a word still being typed: "manifact" starts "manufacturing" but for one letter.
    expect(matchWord("manifact", "manufacturing")).toBe("partial");
    expect(matchWord("dentl", "dental")).toBe("partial");
    expect(matchWord("xyzzy", "dental")).toBeNull();
  });
});

describe("one edit from a start of a word", () => {
  it("agrees with trying each start of the word, on 20,000 random pairs", () => {
    let seed = 42;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const word = (n: number) => Array.from({ length: n }, () => "abc"[Math.floor(rand() * 3)]).join("");
    let agreed = 0;
    let matched = 0;
    for (let t = 0; t < 20_000; t++) {
      const q = word(1 + Math.floor(rand() * 7));
      const d = word(Math.floor(rand() * 9));
      let expected = false;
      for (let k = q.length - 1; k <= q.length + 1 && k <= d.length; k++)
        if (k >= 0 && withinOneEdit(q, d.slice(0, k))) expected = true;
      expect(oneEditFromAStart(q, d), `${q} / ${d}`).toBe(expected);
      agreed++;
      if (expected) matched++;
    }
    expect(agreed).toBe(20_000);
    expect(matched).toBeGreaterThan(2_000); // the pairs exercise both answers
  });
});

describe("catalog search queries", () => {
  const shadow = doc("Hospital job shadow", "Health Science and Medical Technology", "Follow a nurse for a day.");
  const welding = doc("Welding shop tour", "Manufacturing and Product Development", "Paid summer welding work");

  it("needs every word, any of the or-alternatives, none of the left-out ones", () => {
    expect(score("nurse day", shadow)).not.toBeNull();
    expect(score("nurse welding", shadow)).toBeNull();
    expect(score("nurse or welding", welding)).not.toBeNull();
    expect(score("welding -paid", welding)).toBeNull();
    expect(score("-paid", shadow)).toBe(0);
  });

  it("matches a phrase only as words in a row", () => {
    expect(score('"job shadow"', shadow)).toBe(8);
    expect(score('"shadow job"', shadow)).toBeNull();
    expect(score('"shop tour"', welding)).toBe(8);
  });

  it("ranks a title match above a description match, and a whole word above a word start", () => {
    expect(score("welding", welding)).toBe(8);
    expect(score("weld", welding)).toBe(4);
    expect(score("nurse", shadow)).toBe(2);
    expect(score("health", shadow)).toBe(4);
    expect(score("tour welding", welding)).toBe(16);
  });

  it("reads any input without throwing, dropping common words and empty terms", () => {
    expect(parseSearch("")).toEqual({ groups: [], excluded: [] });
    expect(parseSearch("the of and")).toEqual({ groups: [], excluded: [], nothing: true });
    expect(parseSearch('"" - -- or or "')).toEqual({ groups: [], excluded: [], nothing: true });
    expect(score("the", welding)).toBeNull();
    expect(parseSearch("a or b").groups).toEqual([[{ words: ["b"] }]]);
    expect(parseSearch('-"job shadow" nurse').excluded).toEqual([{ words: ["job", "shadow"] }]);
    expect(parseSearch("x ".repeat(100)).groups).toHaveLength(12);
  });
});
