import type { DbOrTx } from "@bridgework/db";

/**
 * A statement built once per database handle and sent as a named prepared statement: drizzle
 * does not build its SQL again on every call, and PostgreSQL parses and plans it once per
 * connection. For the statements on the hottest paths (every suggestions call, every labelled
 * answer); `build` uses `sql.placeholder` for what varies, and gives a name unique to its text.
 */
export function preparedPerDb<T>(build: (db: DbOrTx) => T): (db: DbOrTx) => T {
  const built = new WeakMap<DbOrTx, T>();
  return (db) => {
    let statement = built.get(db);
    if (!statement) built.set(db, (statement = build(db)));
    return statement;
  };
}
