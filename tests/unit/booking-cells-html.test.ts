/**
 * The bookings list's rows and phone cards are written as strings (booking-html-parts.ts), not by React: what
 * React did for them — escape every value, refuse a javascript: link — is theirs to do now.
 */
import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { bookingCardHtml } from "@/components/bookings/booking-card-html";
import { bookingCellHtml, bookingRowsHtml } from "@/components/bookings/booking-cells-html";
import { stageBadgeHtml } from "@/components/bookings/booking-html-parts";
import type { BookingTableRow } from "@/components/bookings/booking-table-row";
import { ProgressBadge } from "@/components/bookings/progress-badge";
import { PROGRESS_STAGES } from "@/db/schema/enums";
import { escapeHtml } from "@/lib/html/escape-html";

const HOSTILE = `<img src=x onerror=alert(1)>"' & </td></tr><script>alert(2)</script>`;
const HOSTILE_ESCAPED = escapeHtml(HOSTILE);

const row = (overrides: Partial<BookingTableRow> = {}): BookingTableRow => ({
  id: "6f1c2d3e-0000-4000-8000-000000000001",
  examineeName: "Maria Brennan",
  phone: "(312) 555-0142",
  when: "Tue, Dec 8, 2026, 9:00 AM EST",
  whenViewer: "8:00 AM CST",
  specialistName: "Dr. Amelia Hart",
  organizationName: "Northwind Insurance",
  teamName: "Motor claims",
  inTriage: false,
  appointmentType: "in_person",
  meetingLink: null,
  stage: "scheduled",
  statusLabel: "Active",
  created: "Dec 1, 2026",
  claimNumber: "CLM-9041",
  caseManagerReference: "CM-77",
  documents: { brief: true, consentForm: false, report: false },
  report: null,
  ...overrides,
});

const EVERY_COLUMN = [
  "select",
  "examineeName",
  "appointmentDate",
  "specialist",
  "organization",
  "type",
  "status",
  "progress",
  "documents",
  "createdAt",
] as const;

describe("escapeHtml", () => {
  it("turns the five characters that end a text or an attribute into entities, and leaves the rest", () => {
    expect(escapeHtml(`a<b>c&d"e'f`)).toBe("a&lt;b&gt;c&amp;d&quot;e&#x27;f");
    expect(escapeHtml("O’Brien, José — 9:00 AM")).toBe("O’Brien, José — 9:00 AM");
    // Twice in a row: nothing is left over from the first call.
    expect(escapeHtml("<<")).toBe("&lt;&lt;");
    expect(escapeHtml("<<")).toBe("&lt;&lt;");
  });
});

describe("the bookings table's rows as strings", () => {
  it("write what a person typed as text, never as markup, in every cell and attribute", () => {
    const hostile = row({
      examineeName: HOSTILE,
      phone: HOSTILE,
      when: HOSTILE,
      whenViewer: HOSTILE,
      specialistName: HOSTILE,
      organizationName: HOSTILE,
      teamName: HOSTILE,
      statusLabel: HOSTILE,
      created: HOSTILE,
      claimNumber: HOSTILE,
      caseManagerReference: HOSTILE,
      report: { documentId: `x" onclick="alert(3)`, fileName: HOSTILE },
    });
    const html = bookingRowsHtml([hostile, { ...hostile, inTriage: true }], [...EVERY_COLUMN]);
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<script");
    expect(html).not.toContain('onclick="');
    // Each value is there, escaped: the name in its link, the checkbox's and the button's labels.
    expect(html).toContain(`data-row-link>${HOSTILE_ESCAPED}</a>`);
    expect(html).toContain(`aria-label="Select booking of ${HOSTILE_ESCAPED}"`);
    expect(html).toContain(`aria-label="Download ${HOSTILE_ESCAPED} (report of ${HOSTILE_ESCAPED})"`);
    expect(html).toContain(`<div class="cell-note">Claim ${HOSTILE_ESCAPED}</div>`);
    expect(html).toContain(`data-testid="booking-in-triage">${HOSTILE_ESCAPED}</span>`);
    // Two rows of ten cells: no value opened or closed a row or a cell of its own.
    expect(html.match(/<tr>/g)).toHaveLength(2);
    expect(html.match(/<td>/g)).toHaveLength(20);
    expect(html.match(/<\/td>/g)).toHaveLength(20);
  });

  it("link a telehealth meeting only at an http(s) address", () => {
    const at = (meetingLink: string) =>
      bookingCellHtml("type", row({ appointmentType: "telehealth", meetingLink }));
    expect(at("https://meet.example.com/abc?x=1&y=2")).toBe(
      'Telehealth<a href="https://meet.example.com/abc?x=1&amp;y=2" class="block text-xs text-indigo-700 hover:underline" target="_blank" rel="noreferrer" data-testid="meeting-link">Meeting link</a>',
    );
    expect(at("javascript:alert(1)")).toBe("Telehealth");
    expect(at("data:text/html,<script>alert(1)</script>")).toBe("Telehealth");
    expect(bookingCellHtml("type", row())).toBe("In person");
  });

  it("show a row as the table did: the link, the numbers, both clocks, the team, the stage and the chips", () => {
    const html = bookingRowsHtml(
      [row()],
      ["examineeName", "appointmentDate", "organization", "progress", "documents"],
    );
    expect(html).toBe(
      "<tr>" +
        '<td><a href="/bookings/6f1c2d3e-0000-4000-8000-000000000001" class="booking-link" data-row-link>Maria Brennan</a>' +
        '<div class="cell-note">(312) 555-0142</div><div class="cell-note">Claim CLM-9041</div><div class="cell-note">Ref. CM-77</div></td>' +
        '<td>Tue, Dec 8, 2026, 9:00 AM EST<div class="cell-note">8:00 AM CST your time</div></td>' +
        '<td>Northwind Insurance<div class="cell-note">Motor claims</div></td>' +
        '<td><span data-stage="scheduled" class="stage-badge">Scheduled</span></td>' +
        '<td><ul class="document-chips" aria-label="Documents"><li data-present="true">Brief<span>: uploaded</span></li>' +
        '<li data-present="false">Consent<span>: not yet</span></li><li data-present="false">Report<span>: not yet</span></li></ul></td>' +
        "</tr>",
    );
    // No team, no numbers, one clock: the lines that are not there are not written.
    const bare = row({ teamName: null, claimNumber: null, caseManagerReference: null, whenViewer: null });
    expect(bookingCellHtml("organization", bare)).toBe(
      'Northwind Insurance<div class="cell-note">No team</div>',
    );
    expect(bookingCellHtml("appointmentDate", bare)).toBe("Tue, Dec 8, 2026, 9:00 AM EST");
  });

  it("write a stage's pill as ProgressBadge does (homes, the booking page)", () => {
    for (const stage of PROGRESS_STAGES) {
      expect(stageBadgeHtml(stage)).toBe(renderToStaticMarkup(h(ProgressBadge, { stage })));
      expect(stageBadgeHtml(stage, "stage")).toBe(
        renderToStaticMarkup(h(ProgressBadge, { stage, testId: "stage" })),
      );
    }
  });
});

describe("a booking's phone card as a string", () => {
  it("writes what a person typed as text, never as markup", () => {
    const html = bookingCardHtml(
      row({
        examineeName: HOSTILE,
        phone: HOSTILE,
        specialistName: HOSTILE,
        organizationName: HOSTILE,
        teamName: HOSTILE,
        statusLabel: HOSTILE,
        claimNumber: HOSTILE,
        report: { documentId: "d1", fileName: HOSTILE },
      }),
      { selectable: true, showStatus: true },
    );
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<script");
    expect(html).toContain(`data-testid="booking-card-link" data-row-link>${HOSTILE_ESCAPED}</a>`);
    expect(html).toContain(`<dd class="break-words">${HOSTILE_ESCAPED} · ${HOSTILE_ESCAPED}</dd>`);
    expect(html).toContain(`<dt class="text-slate-600">Status</dt><dd>${HOSTILE_ESCAPED}</dd>`);
  });

  it("shows the status and the checkbox only where asked, and a meeting link only at an http(s) address", () => {
    const plain = bookingCardHtml(row(), { selectable: false, showStatus: false });
    expect(plain).not.toContain("Status");
    expect(plain).not.toContain("data-booking-select");
    expect(plain).toContain(
      '<span data-testid="booking-card-progress" data-stage="scheduled" class="stage-badge">',
    );
    const telehealth = (meetingLink: string) =>
      bookingCardHtml(row({ appointmentType: "telehealth", meetingLink }), {
        selectable: false,
        showStatus: false,
      });
    expect(telehealth("https://meet.example.com/a")).toContain(
      '<dd>Telehealth · <a href="https://meet.example.com/a" class="text-indigo-700 underline" target="_blank" rel="noreferrer" data-testid="meeting-link">Meeting link</a></dd>',
    );
    expect(telehealth("javascript:alert(1)")).toContain("<dd>Telehealth</dd>");
  });
});
