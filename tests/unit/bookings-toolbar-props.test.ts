/**
 * The bookings toolbar's values and choices, one builder for /bookings and Admin → Bookings:
 * only the admin's list offers the organization filter, and teams carry their organization's
 * name where there are organizations to tell apart.
 */
import { describe, expect, it } from "vitest";
import { toolbarFilterOptions, toolbarFilterValues } from "@/components/bookings/bookings-toolbar-props";

const choices = {
  specialists: [{ id: "s1", name: "Dr. Lucas Brennan" }],
  teams: [
    { id: "t1", name: "Motor Claims", organizationName: "Northwind" },
    { id: "t2", name: "Workers Compensation", organizationName: "Northwind" },
  ],
};

describe("the bookings toolbar's props", () => {
  it("gives a referrer's list no organization filter and its teams by name", () => {
    const options = toolbarFilterOptions(choices);
    expect(options).not.toHaveProperty("organization");
    expect(options.team.map((t) => t.label)).toEqual(["No team", "Motor Claims", "Workers Compensation"]);
    expect(options.status.map((s) => s.label)).toEqual(["Active", "Closed", "Archived"]);
    expect(toolbarFilterValues({ teamId: "t1", status: ["active", "closed"] })).toEqual({
      status: "active,closed",
      progress: "",
      specialist: "",
      team: "t1",
      type: "",
      source: "",
      from: "",
      to: "",
    });
  });

  it("gives Admin → Bookings the organization filter and names each team's organization", () => {
    const options = toolbarFilterOptions(choices, [{ id: "o1", name: "Northwind" }]);
    expect(options.organization).toEqual([{ value: "o1", label: "Northwind" }]);
    expect(options.team[1]!.label).toBe("Northwind — Motor Claims");
    expect(toolbarFilterValues({ organizationId: "o1" }, { withOrganization: true }).organization).toBe("o1");
  });
});
