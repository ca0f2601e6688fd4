/**
 * Text PostgreSQL cannot store faithfully: a NUL character (it refuses `\u0000` in text) and a
 * lone UTF-16 surrogate (`"\ud800"` is valid JSON, but has no UTF-8 form: the driver would store
 * U+FFFD in its place, silently changing what the person sent).
 */
export function isUnstorableString(text: string): boolean {
  return text.includes("\u0000") || LONE_SURROGATE.test(text);
}

/** A high surrogate not followed by a low one, or a low one not preceded by a high one (String.prototype.isWellFormed, which our TS lib target lacks). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The path (keys from the root) of the first string, or object key, in a parsed request part that
 * cannot be stored; null when all of it can. Iterative, and linear in the size of the value: a
 * body may be nested hundreds of thousands deep, so each node links to its parent instead of
 * carrying a copy of its path.
 */
export function findUnstorableText(root: unknown): Array<string | number> | null {
  type Node = { value: unknown; key: string | number | null; parent: Node | null };
  const pathOf = (node: Node | null, last?: string): Array<string | number> => {
    const path: Array<string | number> = last === undefined ? [] : [last];
    for (let n = node; n && n.key !== null; n = n.parent) path.push(n.key);
    return path.reverse();
  };
  const stack: Node[] = [{ value: root, key: null, parent: null }];
  while (stack.length) {
    const node = stack.pop()!;
    const { value } = node;
    if (typeof value === "string") {
      if (isUnstorableString(value)) return pathOf(node);
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], key: i, parent: node });
    } else if (value && typeof value === "object") {
      const entries = Object.entries(value);
      for (const [key] of entries) if (isUnstorableString(key)) return pathOf(node, key);
      for (let i = entries.length - 1; i >= 0; i--)
        stack.push({ value: entries[i]![1], key: entries[i]![0], parent: node });
    }
  }
  return null;
}
