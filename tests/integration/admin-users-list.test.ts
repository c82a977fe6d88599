import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import * as t from "@/db/schema";
import { listUsersForAdmin, type UserListRow } from "@/lib/users/list-users";
import { membershipLabel, userKinds } from "@/lib/users/user-kinds";
import { parseUserListParams, userListQuery, USERS_PAGE_SIZE } from "@/lib/users/user-list-params";

// Other files add users to the same database meanwhile: every assertion searches by this tag.
const tag = randomBytes(4).toString("hex");
const PAGED_USERS = 205;

beforeAll(async () => {
  const db = getDb();
  await db.insert(t.users).values(
    Array.from({ length: PAGED_USERS }, (_, i) => ({
      id: `${tag}-paged-${i}`,
      // Twenty share one name, so paging must break ties (by id) to neither repeat nor skip.
      name: i < 20 ? `Pager ${tag} Same` : `Pager ${tag} ${String(i).padStart(3, "0")}`,
      email: `paged-${i}-${tag}@users.test`,
    })),
  );
  const now = new Date();
  await db.insert(t.organizations).values([
    { id: `${tag}-harbor`, name: `Harbor Mutual ${tag}`, slug: `${tag}-harbor`, createdAt: now },
    { id: `${tag}-ridge`, name: `Ridge Insurance ${tag}`, slug: `${tag}-ridge`, createdAt: now },
  ]);
  await db.insert(t.users).values([
    { id: `${tag}-both`, name: "Dana Both", email: `dana-${tag}@users.test` },
    { id: `${tag}-ridge-only`, name: "Robin Ridge", email: `robin-${tag}@users.test` },
  ]);
  await db.insert(t.members).values([
    {
      id: `${tag}-m1`,
      organizationId: `${tag}-harbor`,
      userId: `${tag}-both`,
      role: "member",
      createdAt: now,
    },
    { id: `${tag}-m2`, organizationId: `${tag}-ridge`, userId: `${tag}-both`, role: "admin", createdAt: now },
    {
      id: `${tag}-m3`,
      organizationId: `${tag}-ridge`,
      userId: `${tag}-ridge-only`,
      role: "member",
      createdAt: now,
    },
  ]);
});

describe("the admin users list", () => {
  it("reaches all 205 matching users over pages of 50, each page reporting the same total", async () => {
    const seen: string[] = [];
    const sizes: number[] = [];
    for (let pageIndex = 0; pageIndex < 5; pageIndex++) {
      const page = await listUsersForAdmin(
        getDb(),
        { search: `Pager ${tag}` },
        { pageIndex, pageSize: USERS_PAGE_SIZE },
      );
      expect(page.total).toBe(PAGED_USERS);
      sizes.push(page.rows.length);
      seen.push(...page.rows.map((row) => row.id));
    }
    expect(sizes).toEqual([50, 50, 50, 50, 5]);
    expect(new Set(seen).size).toBe(PAGED_USERS);
    const past = await listUsersForAdmin(
      getDb(),
      { search: `Pager ${tag}` },
      { pageIndex: 5, pageSize: USERS_PAGE_SIZE },
    );
    expect(past).toEqual({ rows: [], total: PAGED_USERS });
  });

  it("lists a user found by one organization's name with all of their organizations", async () => {
    const page = await listUsersForAdmin(
      getDb(),
      { search: `harbor mutual ${tag}` },
      { pageIndex: 0, pageSize: USERS_PAGE_SIZE },
    );
    expect(page.total).toBe(1);
    const organizationsOf = (row: UserListRow) => row.memberships.map(membershipLabel).join(", ");
    expect(page.rows.map((row) => [row.email, organizationsOf(row)])).toEqual([
      [`dana-${tag}@users.test`, `Harbor Mutual ${tag} (member), Ridge Insurance ${tag} (admin)`],
    ]);

    const ridge = await listUsersForAdmin(
      getDb(),
      { search: `Ridge Insurance ${tag}` },
      { pageIndex: 0, pageSize: USERS_PAGE_SIZE },
    );
    expect(ridge.rows.map((row) => [row.name, organizationsOf(row)])).toEqual([
      ["Dana Both", `Harbor Mutual ${tag} (member), Ridge Insurance ${tag} (admin)`],
      ["Robin Ridge", `Ridge Insurance ${tag} (member)`],
    ]);
  });

  it("says what each seeded person is, not just 'user'", async () => {
    const kindsOf = async (email: string) => {
      const { rows } = await listUsersForAdmin(
        getDb(),
        { search: email },
        { pageIndex: 0, pageSize: USERS_PAGE_SIZE },
      );
      const row = rows.find((r) => r.email === email);
      return row && { kinds: userKinds(row), organizations: row.memberships.map(membershipLabel) };
    };
    expect(await kindsOf("admin@ime.test")).toEqual({ kinds: ["Platform admin"], organizations: [] });
    expect(await kindsOf("amelia.hart@specialists.test")).toEqual({
      kinds: ["Specialist"],
      organizations: [],
    });
    expect(await kindsOf("owner@northwind.test")).toEqual({
      kinds: ["Organization owner"],
      organizations: ["Northwind Insurance (owner)"],
    });
    expect(await kindsOf("admin@northwind.test")).toEqual({
      kinds: ["Organization admin"],
      organizations: ["Northwind Insurance (admin)"],
    });
    expect(await kindsOf("motor@northwind.test")).toEqual({
      kinds: ["Organization member"],
      organizations: ["Northwind Insurance (member)"],
    });
    expect((await kindsOf(`robin-${tag}@users.test`))?.kinds).toEqual(["Organization member"]);
    expect((await kindsOf(`paged-0-${tag}@users.test`))?.kinds).toEqual(["No role yet"]);
  });

  it("treats % and _ in the search as text, not wildcards", async () => {
    const page = await listUsersForAdmin(
      getDb(),
      { search: `Pager ${tag}%` },
      { pageIndex: 0, pageSize: USERS_PAGE_SIZE },
    );
    expect(page).toEqual({ rows: [], total: 0 });
  });
});

describe("the users list's URL state", () => {
  it("reads the search and a zero-based page, falling back to the first page on nonsense", () => {
    expect(parseUserListParams({ q: "  acme ", page: "3" })).toEqual({ search: "acme", pageIndex: 3 });
    for (const page of ["-1", "abc", "", undefined]) expect(parseUserListParams({ page }).pageIndex).toBe(0);
    expect(parseUserListParams({ q: ["first", "second"], page: "2.7" })).toEqual({
      search: "first",
      pageIndex: 2,
    });
  });

  it("writes the search and page back, leaving defaults out", () => {
    expect(userListQuery({ search: "Harbor & Co", pageIndex: 2 })).toBe("?q=Harbor+%26+Co&page=2");
    expect(userListQuery({ search: "", pageIndex: 0 })).toBe("");
  });
});
