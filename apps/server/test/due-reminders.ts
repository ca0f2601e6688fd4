import { randomBytes } from "node:crypto";
import type { Db } from "@bridgework/db";
import { sql } from "drizzle-orm";

/**
 * A region of `count` employers, each with one contact and an insurance certificate expiring in
 * ten days, and no intermediary: the `reminder-insurance` sweep owes exactly one email per
 * employer (`insurance:<certificate>:expiring:<user>`). The cheapest real reminder to make due in
 * bulk: three INSERT … SELECT statements, no placements or documents. Returns the region's id.
 */
export async function seedDueInsuranceReminders(db: Db, count: number): Promise<string> {
  const slug = `reminders-${randomBytes(4).toString("hex")}`;
  const { rows } = await db.execute<{ id: string }>(
    sql`INSERT INTO regions (name, slug) VALUES ('Reminder load', ${slug}) RETURNING id`,
  );
  const regionId = rows[0]!.id;
  await db.execute(sql`
    WITH employers AS (
      INSERT INTO organizations (region_id, type, name)
      SELECT ${regionId}, 'employer', 'Employer ' || g FROM generate_series(1, ${count}) g
      RETURNING id, name
    ), contacts AS (
      INSERT INTO users (region_id, organization_id, email, name, role, status)
      SELECT ${regionId}, id, 'contact-' || id || '@reminders.test', 'Contact of ' || name, 'employer', 'active' FROM employers
    )
    INSERT INTO insurance_certificates (region_id, employer_id, carrier, policy_number, coverage_amount, expires_on)
    SELECT ${regionId}, id, 'Load Mutual', 'POL-' || id, 1000000, current_date + 10 FROM employers`);
  return regionId;
}
