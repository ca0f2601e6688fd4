import fc from "fast-check";
import { z } from "zod";

/**
 * Inputs for the fuzz suite: a small JSON Schema → fast-check generator (from the routes' zod
 * schemas through `z.toJSONSchema`), and the hostile values an attacker or a broken client sends.
 *
 * The generator covers what our schemas use: type string (format date, date-time, email, uuid,
 * base64 content; pattern; length), number/integer (bounds), boolean, null, enum/const, array,
 * object (properties, required), anyOf/oneOf, allOf (first branch). Anything else (`{}`, a
 * transform the JSON Schema cannot say) gets any JSON value. Refinements are not in the JSON
 * Schema, so a generated "valid" body may still be refused: that is fine, the handler runs for
 * many of them and the rest exercise validation.
 */

export type JsonSchema = {
  type?: string | string[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  enum?: unknown[];
  const?: unknown;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  contentEncoding?: string;
};

/** Real ids to put where a schema wants a uuid, by property name (`studentId`), with `any` for the rest. */
export type IdPool = Record<string, readonly string[]> & { any: readonly string[] };

export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
}

/** Text of JSON a serializer cannot produce from a JS value (NaN, 1e999, deep nesting), spliced in by `toJsonText`. */
export class RawJson {
  constructor(readonly text: string) {}
}

const day = (d: Date) => d.toISOString().slice(0, 10);
const plausibleDate = fc.date({
  min: new Date("2000-01-01T00:00:00Z"),
  max: new Date("2100-12-31T00:00:00Z"),
  noInvalidDate: true,
});

/** A value that matches `schema`'s shape (refinements aside). `key` is the property name, for picking real ids. */
export function valueOf(schema: JsonSchema, ids: IdPool, key = ""): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return fc.oneof(...union.map((s) => valueOf(s, ids, key)));
  if (schema.allOf?.[0]) return valueOf(schema.allOf[0], ids, key);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "string":
      return stringOf(schema, ids, key);
    case "integer":
    case "number": {
      const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1000);
      const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 1_000_000);
      const lo = Math.max(min, -1e9);
      const hi = Math.min(max, 1e9);
      return type === "integer"
        ? fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) })
        : fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true });
    }
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return fc.array(schema.items ? valueOf(schema.items, ids, singular(key)) : fc.jsonValue(), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 4, 4),
      });
    case "object": {
      const props = schema.properties ?? {};
      const model = Object.fromEntries(Object.entries(props).map(([k, s]) => [k, valueOf(s, ids, k)]));
      return fc.record(model, { requiredKeys: (schema.required ?? []).filter((k) => k in props) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Strings whose rules live in refinements the JSON Schema cannot carry: shaped by their property name. */
const BY_KEY: Record<string, fc.Arbitrary<string>> = {
  schoolYear: fc.integer({ min: 2000, max: 2100 }).map((y) => `${y}-${y + 1}`),
};

function stringOf(schema: JsonSchema, ids: IdPool, key: string): fc.Arbitrary<string> {
  if (BY_KEY[key]) return BY_KEY[key];
  switch (schema.format) {
    case "uuid":
      return fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...(ids[key]?.length ? ids[key] : ids.any)) },
        { weight: 1, arbitrary: fc.uuid() },
      );
    case "date":
      return plausibleDate.map(day);
    case "date-time":
      return plausibleDate.map((d) => d.toISOString());
    case "email":
      // Plain addresses zod accepts (fast-check's RFC-wide ones mostly fail its stricter check), and real accounts.
      return fc.oneof(
        fc.stringMatching(/^[a-z][a-z0-9.]{0,11}[a-z0-9]$/).map((local) => `${local}@fuzz.example`),
        fc.constantFrom(...(ids.email ?? ["nobody@fuzz.example"])),
      );
  }
  // A certificate's bytes: a tiny PDF often, so the upload's handler runs past the type check.
  if (schema.contentEncoding === "base64") return fc.constantFrom("JVBERi0xLjQKJSVFT0YK", "iVBORw0KGgo=", "aGVsbG8=");
  if (schema.pattern)
    return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= (schema.maxLength ?? Infinity));
  const minLength = schema.minLength ?? 0;
  return fc.string({
    unit: "grapheme",
    minLength,
    maxLength: Math.max(minLength, Math.min(schema.maxLength ?? 40, 40)),
  });
}

const singular = (key: string) => (key.endsWith("Ids") ? key.slice(0, -1) : key === "ids" ? "id" : key);

const MB = 1024 * 1024;
const nested = (levels: number, open: string, close: string) => open.repeat(levels) + close.repeat(levels);

/** Values no schema should let through, and no handler should trip on. */
export const HOSTILE_VALUES: ReadonlyArray<{ name: string; value: unknown }> = [
  { name: "year 0 date", value: "0000-01-01" },
  { name: "year 10000 date", value: "10000-01-01" },
  { name: "year 9999 date", value: "9999-12-31" },
  { name: "year 0 datetime", value: "0000-01-01T00:00:00Z" },
  { name: "year 0 datetime with offset", value: "0000-01-01T00:30:00+01:00" },
  { name: "year 10000 datetime", value: "10000-01-01T00:00:00Z" },
  { name: "last instant of 9999 west of UTC", value: "9999-12-31T23:00:00-05:00" },
  { name: "year 1 datetime", value: "0001-01-01T00:00:00Z" },
  { name: "lone high surrogate", value: "\ud800" },
  { name: "lone low surrogate in text", value: "ab\udc00cd" },
  { name: "NUL byte", value: "a\u0000b" },
  { name: "only NUL", value: "\u0000" },
  { name: "1 MB string (over the body limit)", value: "x".repeat(MB) },
  { name: "~1 MB string (under the body limit)", value: "y".repeat(MB - 4096) },
  { name: "number as string", value: "12" },
  { name: "huge number", value: 1e308 },
  { name: "unsafe integer", value: 2 ** 60 },
  { name: "negative", value: -1 },
  { name: "fraction", value: 0.5 },
  { name: "NaN (raw)", value: new RawJson("NaN") },
  { name: "Infinity (raw)", value: new RawJson("Infinity") },
  { name: "1e999 (raw)", value: new RawJson("1e999") },
  { name: "-1e999 (raw)", value: new RawJson("-1e999") },
  { name: "10k nested arrays (raw)", value: new RawJson(nested(10_000, "[", "]")) },
  { name: "10k nested objects (raw)", value: new RawJson(nested(10_000, '{"a":', "}").replace(/:}/, ":1}")) },
  { name: "true", value: true },
  { name: "null", value: null },
  { name: "empty object", value: {} },
  { name: "array", value: ["x"] },
  { name: "object instead of text", value: { $ne: null } },
  { name: "empty string", value: "" },
  { name: "whitespace", value: "   " },
  { name: "malformed uuid", value: "00000000-0000-0000-0000-00000000000g" },
  { name: "SQL", value: "'; DROP TABLE students; --" },
  { name: "formula", value: '=HYPERLINK("http://x")' },
  { name: "RTL override and emoji", value: "\u202eabc👩🏽‍🔬" },
];

/** A whole body that is not the object a route expects. */
export const HOSTILE_BODIES: ReadonlyArray<{ name: string; text: string }> = [
  { name: "empty body", text: "" },
  { name: "null", text: "null" },
  { name: "array", text: "[]" },
  { name: "string", text: '"x"' },
  { name: "number", text: "42" },
  { name: "NaN", text: "NaN" },
  { name: "truncated", text: '{"a":' },
  { name: "trailing garbage", text: "{} {}" },
  { name: "prototype pollution", text: '{"__proto__":{"role":"intermediary"},"constructor":{"prototype":{"x":1}}}' },
  { name: "lone surrogate key", text: '{"\\ud800":1}' },
  { name: "10k nested arrays", text: nested(10_000, "[", "]") },
  { name: "10k nested objects", text: nested(10_000, '{"a":', "}").replace(/:}/, ":1}") },
  { name: "200k nested arrays", text: nested(200_000, "[", "]") },
  { name: "1 MB body", text: JSON.stringify({ x: "z".repeat(MB) }) },
];

export const hostileValue = fc.constantFrom(...HOSTILE_VALUES);

/** Extra keys a client should not be able to smuggle in (privileged fields, prototype keys). */
export const EXTRA_KEYS = [
  "regionId",
  "role",
  "organizationId",
  "status",
  "id",
  "createdBy",
  "districtId",
  "__proto__",
  "constructor",
  "isAdmin",
] as const;

/** A change to a valid value at one place: replace a node, add a key, drop a key. */
export type Mutation =
  | { kind: "replace"; at: number; hostile: { name: string; value: unknown } }
  | { kind: "extra-key"; at: number; key: string; hostile: { name: string; value: unknown } }
  | { kind: "drop-key"; at: number };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant("replace" as const), at: fc.nat(), hostile: hostileValue }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("extra-key" as const),
      at: fc.nat(),
      key: fc.constantFrom(...EXTRA_KEYS),
      hostile: hostileValue,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("drop-key" as const), at: fc.nat() }) },
);

type Node = { parent: Record<string, unknown> | unknown[] | null; key: string | number | null; value: unknown };

/** Every node of a JSON value, the root first (iteratively: values may be deep). */
function nodesOf(root: unknown): Node[] {
  const out: Node[] = [];
  const stack: Node[] = [{ parent: null, key: null, value: root }];
  while (stack.length) {
    const node = stack.pop()!;
    out.push(node);
    const v = node.value;
    if (Array.isArray(v)) v.forEach((child, i) => stack.push({ parent: v, key: i, value: child }));
    else if (v && typeof v === "object" && !(v instanceof RawJson))
      for (const [k, child] of Object.entries(v))
        stack.push({ parent: v as Record<string, unknown>, key: k, value: child });
  }
  return out;
}

/** `value` with `m` applied (a deep copy; the root may be replaced). */
export function mutate(value: unknown, m: Mutation): unknown {
  const root = structuredCopy(value);
  const nodes = nodesOf(root);
  if (m.kind === "replace") {
    const node = nodes[m.at % nodes.length]!;
    if (node.parent === null) return m.hostile.value;
    (node.parent as Record<string | number, unknown>)[node.key!] = m.hostile.value;
    return root;
  }
  const objects = nodes.filter(
    (n) => n.value && typeof n.value === "object" && !Array.isArray(n.value) && !(n.value instanceof RawJson),
  );
  if (!objects.length) return root;
  const target = objects[m.at % objects.length]!.value as Record<string, unknown>;
  if (m.kind === "extra-key")
    Object.defineProperty(target, m.key, {
      value: m.hostile.value,
      enumerable: true,
      configurable: true,
      writable: true,
    });
  else delete target[Object.keys(target)[m.at % Math.max(1, Object.keys(target).length)] ?? ""];
  return root;
}

function structuredCopy(value: unknown): unknown {
  if (value instanceof RawJson || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(structuredCopy);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, structuredCopy(v)]));
}

/** JSON text of a value, with each RawJson spliced in as written (JSON.stringify cannot say NaN or 1e999). */
export function toJsonText(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_k, v: unknown) => {
    if (v instanceof RawJson) {
      raws.push(v.text);
      return `__raw_${raws.length - 1}__`;
    }
    return v;
  });
  return (text ?? "null").replace(/"__raw_(\d+)__"/g, (_m, i: string) => raws[Number(i)]!);
}

/** A short description of a generated input for reports (long strings cut). */
export function describeInput(text: string): string {
  return text.length > 160 ? `${text.slice(0, 120)}… (${text.length} chars)` : text;
}
