import { DEFAULT_ASK_CAP_PER_MONTH } from "@bridgework/domain";
import { count } from "drizzle-orm";
import type { Db } from "../client.ts";
import { hashPassword, type PasswordCost } from "../passwords.ts";
import { organizations, pathways, regions, users } from "../schema/index.ts";
import { DEMO_PASSWORD, DEMO_REGIONS } from "./demo-data.ts";
import { DEMO_EXTRA_EMPLOYERS, seedDemoBrokering } from "./demo-brokering.ts";

export { DEMO_LOGINS, DEMO_PASSWORD } from "./demo-data.ts";

export type Progress = (message: string) => void;

export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(regions);
  return (row?.n ?? 0) === 0;
}

/** Loads the demo regions in one transaction (all or nothing), reporting progress. */
export interface SeedOptions {
  now?: Date;
  /** Opportunities, requests, matches and their history; tests that need a blank slate turn it off. */
  history?: boolean;
  /** The demo logins' hash cost; PASSWORD_COST unless the test databases ask for less. */
  passwordCost?: PasswordCost;
}

export async function seedDemo(db: Db, progress: Progress = () => {}, options: SeedOptions = {}): Promise<void> {
  const now = options.now ?? new Date();
  const passwordHash = await hashPassword(DEMO_PASSWORD, options.passwordCost);
  await db.transaction(async (tx) => {
    for (const [i, region] of DEMO_REGIONS.entries()) {
      progress(`demo data: region ${region.name} (${i + 1}/${DEMO_REGIONS.length})`);
      const [r] = await tx.insert(regions).values({ name: region.name, slug: region.slug }).returning();
      const ids = new Map<string, string>();
      // Parents first so schools can point at their district.
      const ordered = [...region.orgs].sort((a, b) => Number(Boolean(a.parent)) - Number(Boolean(b.parent)));
      for (const org of ordered) {
        const [o] = await tx
          .insert(organizations)
          .values({
            regionId: r!.id,
            type: org.type,
            name: org.name,
            parentId: org.parent ? ids.get(org.parent)! : null,
            sectors: org.sectors ?? [],
            city: org.city ?? null,
            postalCode: org.postalCode ?? null,
            localCode: org.localCode ?? null,
            askCapPerMonth: org.type === "employer" ? DEFAULT_ASK_CAP_PER_MONTH : null,
          })
          .returning();
        ids.set(org.key, o!.id);
      }
      await tx.insert(users).values(
        region.users.map((u) => ({
          regionId: r!.id,
          organizationId: ids.get(u.org)!,
          email: u.email,
          name: u.name,
          role: u.role,
          status: "active" as const,
          passwordHash,
        })),
      );
      await tx.insert(pathways).values(
        region.pathways.map((p) => ({
          regionId: r!.id,
          schoolId: ids.get(p.school)!,
          name: p.name,
          sector: p.sector,
        })),
      );
      if (region.slug === "valley") {
        await tx.insert(organizations).values(
          DEMO_EXTRA_EMPLOYERS.map((e) => ({
            regionId: r!.id,
            type: "employer" as const,
            name: e.name,
            sectors: [e.sector],
            city: e.city,
            askCapPerMonth: DEFAULT_ASK_CAP_PER_MONTH,
          })),
        );
      }
      if (options.history !== false) {
        const brokering = await seedDemoBrokering(tx, r!.id, now);
        progress(
          `demo data: ${region.name}: ${brokering.opportunities} opportunities with requests, matches and feedback`,
        );
      }
    }
  });
  progress("demo data: done");
}
