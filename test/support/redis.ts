import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { inject } from "vitest";

export const redisUrl = () => inject("redisUrl");

/** A BullMQ key prefix of its own, so test files sharing one Redis never see each other's jobs. */
export function uniqueQueuePrefix(): string {
  return `bwtest-${randomBytes(5).toString("hex")}`;
}

/** Removes every key under the prefix (the queues a test file created). */
export async function deleteQueueKeys(prefix: string): Promise<void> {
  const redis = new Redis(redisUrl());
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== "0");
  } finally {
    redis.disconnect();
  }
}

/** Names of the Redis clients currently connected whose name starts with `prefix`. */
export async function clientsNamed(prefix: string): Promise<string[]> {
  const redis = new Redis(redisUrl());
  try {
    const list = (await redis.client("LIST")) as string;
    return list
      .split("\n")
      .map((line) => /\bname=(\S*)/.exec(line)?.[1] ?? "")
      .filter((name) => name.startsWith(prefix));
  } finally {
    redis.disconnect();
  }
}
