import { hash, verify } from "@node-rs/argon2";

/** argon2id's cost: memory in KiB, iterations, lanes. */
export interface PasswordCost {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

/** argon2id with OWASP's minimum: 19 MiB memory, 2 iterations, 1 lane. Every password a person sets. */
export const PASSWORD_COST: PasswordCost = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

/**
 * argon2's smallest cost, for the demo logins of the test databases only (test/global-setup.ts
 * seeds them with it): the suite logs in thousands of times. A hash carries its own cost, so
 * verifying these stays cheap while every password hashed by the app keeps PASSWORD_COST.
 */
export const TEST_ONLY_PASSWORD_COST: PasswordCost = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

export function hashPassword(password: string, cost: PasswordCost = PASSWORD_COST): Promise<string> {
  return hash(password, { algorithm: 2 as const, ...cost });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verified against when the email is unknown, so both failures take the same time. */
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword("not-a-real-password-but-same-cost");
  return dummyHash;
}
