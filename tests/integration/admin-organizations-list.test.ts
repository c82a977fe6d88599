/**
 * Admin → Organizations: the member, team and active-booking counts of each organization, as the
 * table shows them, for the demo organizations the run's global setup seeded (4 people, 2 teams
 * and a score of bookings each).
 */
import { and, count, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { bookings, organizations } from "@/db/schema";
import { buildDemoBookings } from "@/db/seed/demo-bookings";
import { DEMO_ORGANIZATIONS } from "@/db/seed/demo-people";
import { listOrganizationsForAdmin } from "@/lib/organizations/list-organizations";

/** Active bookings the seed gave each organization (other files may add more, never fewer). */
const seededActive = (index: number) =>
  buildDemoBookings(new Date()).filter((plan) => plan.organizationIndex === index && plan.status === "active")
    .length;

describe("the organizations table", () => {
  it("shows each seeded organization's members, teams and active bookings", async () => {
    // One snapshot for the list and the independent counts: other files book into these organizations meanwhile.
    const { listed, activeBySlug } = await getDb().transaction(
      async (tx) => {
        const listed = await listOrganizationsForAdmin(tx);
        const active = await tx
          .select({ slug: organizations.slug, n: count() })
          .from(bookings)
          .innerJoin(organizations, eq(organizations.id, bookings.organizationId))
          .where(
            and(
              eq(bookings.status, "active"),
              inArray(
                organizations.slug,
                DEMO_ORGANIZATIONS.map((o) => o.slug),
              ),
            ),
          )
          .groupBy(organizations.slug);
        return { listed, activeBySlug: new Map(active.map((row) => [row.slug, row.n])) };
      },
      { isolationLevel: "repeatable read" },
    );

    DEMO_ORGANIZATIONS.forEach((org, index) => {
      const row = listed.find((o) => o.slug === org.slug);
      expect(row, org.name).toMatchObject({
        name: org.name,
        memberCount: org.people.length,
        teamCount: org.teams.length,
      });
      expect(row!.activeBookingCount, `${org.name}: active bookings`).toBe(activeBySlug.get(org.slug));
      expect(row!.activeBookingCount, `${org.name}: active bookings`).toBeGreaterThanOrEqual(
        seededActive(index),
      );
      expect(seededActive(index)).toBeGreaterThan(0);
    });
  });
});
