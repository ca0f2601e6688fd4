// Sums what test/count/count-assertions.ts recorded: tests run and `expect` calls executed.
// Usage: COUNT_ASSERTIONS=/tmp/a.jsonl npx vitest run ...; node scripts/count-assertions.mjs /tmp/a.jsonl [other.jsonl]
import { readFileSync } from "node:fs";

const [file, other] = process.argv.slice(2);
if (!file) throw new Error("usage: node scripts/count-assertions.mjs <counts.jsonl> [baseline.jsonl]");

function load(path) {
  const rows = readFileSync(path, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line));
  const byTest = new Map();
  for (const row of rows)
    byTest.set(`${row.file.replace(/^.*?\/(apps|packages|test)\//, "$1/")} > ${row.test}`, row.assertions);
  return byTest;
}

const counts = load(file);
const sum = (map) => [...map.values()].reduce((a, b) => a + b, 0);
console.log(`${file}: ${counts.size} tests, ${sum(counts)} expect calls`);
if (other) {
  const base = load(other);
  console.log(`${other}: ${base.size} tests, ${sum(base)} expect calls`);
  for (const [name, n] of base) {
    if (!counts.has(name)) console.log(`missing test: ${name}`);
    else if (counts.get(name) < n) console.log(`fewer expects (${n} → ${counts.get(name)}): ${name}`);
  }
}
