/**
 * Invoices end to end on the real parts: Postgres, the local S3 (verifying signatures), the run's
 * local SMTP server. Drafts gather an organization's unbilled charges; issuing numbers them
 * without gaps (20 at once), stores a PDF that parses back with its number and total, and
 * e-mails it (attached) to the owners and billing contacts; paying moves exactly the invoice's
 * examination bookings to payment_received; voiding an issued invoice makes a credit note; the
 * CSV export is RFC 4180 with formulas neutralised; another organization's invoice, and any
 * invoice for a member or a specialist, is "not found" — page, PDF and actions alike.
 *
 * Charges are inserted through the schema (their creation is billing-charges.test.ts's subject).
 */
import { randomInt } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import * as t from "@/db/schema";
import type { ProgressStage } from "@/db/schema/enums";
import { defineAction } from "@/lib/actions/define-action";
import { auditContextFor, type RequestActor } from "@/lib/actions/request-actor";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/authz/actor";
import { addBillingContactDefinition } from "@/lib/billing/invoices/billing-contact-definitions";
import { handleInvoiceDownload } from "@/lib/billing/invoices/download-handler";
import { handleInvoiceExport } from "@/lib/billing/invoices/export-handler";
import { getInvoiceDetail } from "@/lib/billing/invoices/get-invoice";
import {
  createInvoiceDraftDefinition,
  issueInvoiceDefinition,
  markInvoicePaidDefinition,
  voidInvoiceDefinition,
} from "@/lib/billing/invoices/invoice-definitions";
import { readInvoicePdf } from "@/lib/billing/invoices/invoice-pdf-store";
import { issueInvoice } from "@/lib/billing/invoices/issue-invoice";
import { listInvoices } from "@/lib/billing/invoices/list-invoices";
import { deliverOutboxEmail } from "@/lib/email/deliver-email";
import { buildActors } from "../support/authz-fixture";
import { auditRowsFor } from "../support/audit-rows";
import { insertAuthzWorld } from "../support/insert-authz-world";
import { waitForMailTo } from "../support/mailbox";
import { startTestS3, type TestS3 } from "./storage-test-s3";

let s3: TestS3;

beforeAll(async () => {
  s3 = await startTestS3();
  // The app's own storage (issue, download, the e-mail worker) points at this file's local S3.
  process.env.S3_ENDPOINT = s3.config.endpoint;
  process.env.S3_BUCKET = s3.config.bucket;
  process.env.S3_REGION = s3.config.region;
  process.env.S3_ACCESS_KEY_ID = s3.config.accessKeyId;
  process.env.S3_SECRET_ACCESS_KEY = s3.config.secretAccessKey;
  process.env.S3_FORCE_PATH_STYLE = "true";
  process.env.BILLING_PROVIDER_NAME = "Harbour IME Services";
  process.env.BILLING_TIME_ZONE = "UTC";
});

afterAll(async () => {
  await s3.stop();
});

const who = (actor: Actor): RequestActor => ({
  actor,
  auditContext: auditContextFor(actor, { ipAddress: "203.0.113.7", userAgent: "vitest" }),
});
const as = (actor: Actor) => async (): Promise<RequestActor> => who(actor);

const PERIOD = { periodStart: "2026-11-01", periodEnd: "2026-11-30" };
const IN_PERIOD = new Date("2026-11-12T15:00:00Z");

async function world() {
  const w = await insertAuthzWorld({ withMemberships: true });
  const actors = buildActors(w.id);
  const ownerB: Actor = {
    ...actors.outsider,
    userId: w.id("outsider"),
    memberships: [{ organizationId: w.id("B"), role: "owner" }],
  };
  return { ...w, actors, ownerB };
}

async function charge(
  bookingId: string,
  organizationId: string,
  values: Partial<typeof t.charges.$inferInsert> = {},
): Promise<string> {
  const [row] = await getDb()
    .insert(t.charges)
    .values({
      bookingId,
      organizationId,
      kind: "examination",
      amountMinor: 45_000,
      currency: "USD",
      taxRateBasisPoints: 1300,
      description: "Neurology IME, telehealth",
      occurredAt: IN_PERIOD,
      ...values,
    })
    .returning({ id: t.charges.id });
  return row!.id;
}

const setStage = (bookingIds: string[], stage: ProgressStage) =>
  getDb().update(t.bookings).set({ currentProgress: stage }).where(inArray(t.bookings.id, bookingIds));

async function draft(
  admin: Actor,
  input: { organizationId: string; periodStart?: string; periodEnd?: string; bookingId?: string },
): Promise<string> {
  const result = await defineAction(createInvoiceDraftDefinition, as(admin))(input);
  if (!result.ok) throw new Error(`draft failed: ${result.code} ${result.error}`);
  return result.data.invoiceId;
}

async function issued(admin: Actor, invoiceId: string): Promise<string> {
  const result = await defineAction(issueInvoiceDefinition, as(admin))({ invoiceId });
  if (!result.ok) throw new Error(`issue failed: ${result.code} ${result.error}`);
  return result.data.number;
}

const invoiceRow = async (id: string) =>
  (await getDb().select().from(t.invoices).where(eq(t.invoices.id, id)))[0]!;

async function pdfText(key: string): Promise<string> {
  const parser = new PDFParse({ data: await readInvoicePdf(key) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

describe("issuing an invoice", () => {
  it("gathers only the organization's unbilled charges, numbers it at issue, stores a PDF with its total", async () => {
    const w = await world();
    const admin = w.actors.platformAdmin;
    const exam = await charge(w.bookingIds.aTeam1, w.id("A"));
    const noShow = await charge(w.bookingIds.aNoTeam, w.id("A"), {
      kind: "no_show",
      amountMinor: 20_000,
      description: "Did not attend",
    });
    await charge(w.bookingIds.aTeam2, w.id("A"), { waivedAt: IN_PERIOD, waiveReason: "goodwill" });
    await charge(w.bookingIds.aTeam2ForMember, w.id("A"), { occurredAt: new Date("2026-12-01T05:00:00Z") });
    await charge(w.bookingIds.bTeam1, w.id("B"));

    const invoiceId = await draft(admin, { organizationId: w.id("A"), ...PERIOD });
    const drafted = await invoiceRow(invoiceId);
    expect(drafted).toMatchObject({ state: "draft", number: null, pdfKey: null, currency: "USD" });
    const lines = await getDb().select().from(t.invoiceLines).where(eq(t.invoiceLines.invoiceId, invoiceId));
    expect(lines.map((line) => line.chargeId).sort()).toEqual([exam, noShow].sort());
    // 450.00 + 13 % = 58.50; 200.00 + 13 % = 26.00.
    expect(drafted).toMatchObject({ subtotalMinor: 65_000, taxMinor: 8_450, totalMinor: 73_450 });

    // The same charges cannot be drafted twice while this draft lives.
    const again = await defineAction(
      createInvoiceDraftDefinition,
      as(admin),
    )({
      organizationId: w.id("A"),
      ...PERIOD,
    });
    expect(again).toMatchObject({ ok: false, code: "invalid_input" });

    const number = await issued(admin, invoiceId);
    expect(number).toMatch(/^INV-\d{4}-\d{4,}$/);
    const row = await invoiceRow(invoiceId);
    expect(row).toMatchObject({ state: "issued", number });
    expect(row.pdfKey).toBe(`invoices/${w.id("A")}/${invoiceId}/${number}.pdf`);
    const text = await pdfText(row.pdfKey!);
    expect(text).toContain("Harbour IME Services");
    expect(text).toContain(number);
    expect(text).toContain(`Org A`);
    expect(text).toContain("Examinee aTeam1");
    expect(text).toContain("Subtotal USD 650.00");
    expect(text).toContain("Tax USD 84.50");
    expect(text).toContain("Total (USD) USD 734.50");
    const audit = await auditRowsFor("invoice", invoiceId);
    expect(audit.map((entry) => entry.action).sort()).toEqual(["invoice.drafted", "invoice.issued"]);
  });

  it("e-mails the PDF to the owners and the billing contacts", async () => {
    const w = await world();
    const admin = w.actors.platformAdmin;
    const contact = `ap-${randomInt(1e9)}@billing.test`;
    const added = await defineAction(
      addBillingContactDefinition,
      as(w.actors.ownerA),
    )({
      organizationId: w.id("A"),
      email: contact,
      name: "Accounts payable",
    });
    expect(added.ok).toBe(true);
    // An owner of B may not name contacts of A.
    const refused = await defineAction(
      addBillingContactDefinition,
      as(w.ownerB),
    )({
      organizationId: w.id("A"),
      email: `x-${contact}`,
    });
    expect(refused).toMatchObject({ ok: false, code: "not_found" });

    await charge(w.bookingIds.aTeam1, w.id("A"));
    const invoiceId = await draft(admin, { organizationId: w.id("A"), ...PERIOD });
    const number = await issued(admin, invoiceId);
    const queued = await getDb()
      .select()
      .from(t.outboxEmails)
      .where(
        and(
          eq(t.outboxEmails.kind, "invoice_issued"),
          inArray(t.outboxEmails.toAddress, [contact, `${w.id("ownerA")}@fixture.test`]),
        ),
      );
    expect(queued.map((row) => row.toAddress).sort()).toEqual(
      [`${w.id("ownerA")}@fixture.test`, contact].sort(),
    );
    for (const row of queued) await deliverOutboxEmail(row.id, { jobId: "test", lastAttempt: false });

    const [mail] = await waitForMailTo(contact);
    expect(mail!.subject).toBe(`Invoice ${number} from Harbour IME Services: USD 508.50`);
    expect(mail!.text).toContain(`/organization/invoices/${invoiceId}`);
    expect(mail!.text).not.toContain("Examinee");
    const pdf = mail!.attachments.find((attachment) => attachment.filename === `${number}.pdf`);
    expect(pdf?.contentType).toBe("application/pdf");
    const parser = new PDFParse({ data: pdf!.content! });
    const text = (await parser.getText()).text;
    await parser.destroy();
    expect(text).toContain(number);
    expect(text).toContain("Total (USD) USD 508.50");
    await waitForMailTo(`${w.id("ownerA")}@fixture.test`);
  });

  it("gives 20 concurrent issues the numbers 1 to 20, and a rolled-back issue gives its number back", async () => {
    const w = await world();
    const admin = w.actors.platformAdmin;
    // A year of its own, so no other test's invoices share the counter.
    const year = 3000 + randomInt(6000);
    const now = new Date(`${year}-06-15T12:00:00Z`);
    const extra = Array.from({ length: 21 }, (_, i) => `${w.id("extra")}-${i}`);
    await getDb()
      .insert(t.bookings)
      .values(
        extra.map((id, i) => ({
          id,
          acuityAppointmentId: `${id}-appt`,
          organizationId: w.id("A"),
          teamId: null,
          specialistId: w.id("S1"),
          createdById: w.id("ownerA"),
          examineeName: `Examinee extra ${i}`,
          examineePhone: "+12125550100",
          appointmentDate: IN_PERIOD,
          appointmentType: "telehealth" as const,
          createdAt: new Date("2026-10-01T00:00:00Z"),
        })),
      );
    const drafts: string[] = [];
    for (const bookingId of extra) {
      await charge(bookingId, w.id("A"));
      drafts.push(await draft(admin, { organizationId: w.id("A"), bookingId }));
    }
    const issueAt = (invoiceId: string, storage = s3.storage) =>
      getDb().transaction((tx) =>
        issueInvoice(
          {
            tx,
            actor: admin,
            audit: (entries) => recordAudit(tx, who(admin).auditContext, entries),
          },
          { invoiceId },
          { now, storage },
        ),
      );

    // The upload fails (wrong key): the issue rolls back and its number is not used up.
    const failing = s3.storageWith({ secretAccessKey: "not-the-secret-key-0123456789abcdef" });
    await expect(issueAt(drafts[20]!, failing)).rejects.toMatchObject({ code: "upstream_unavailable" });
    expect(await invoiceRow(drafts[20]!)).toMatchObject({ state: "draft", number: null });

    const results = await Promise.all(drafts.slice(0, 20).map((invoiceId) => issueAt(invoiceId)));
    const sequences = results.map((result) => Number(result.number.split("-")[2])).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(results.every((result) => result.number.startsWith(`INV-${year}-`))).toBe(true);
    const last = await issueAt(drafts[20]!);
    expect(last.number).toBe(`INV-${year}-0021`);
  });
});

describe("paying an invoice", () => {
  it("moves exactly its examination bookings to payment_received, in one transaction with progress rows and audit", async () => {
    const w = await world();
    const admin = w.actors.platformAdmin;
    const onInvoice = [w.bookingIds.aTeam1, w.bookingIds.aTeam2];
    const sameOrgLater = w.bookingIds.aTeam2ByMember1;
    await setStage([...onInvoice, sameOrgLater], "report_generated");
    await setStage([w.bookingIds.aNoTeam], "no_show");
    for (const bookingId of onInvoice) await charge(bookingId, w.id("A"));
    await charge(w.bookingIds.aNoTeam, w.id("A"), { kind: "no_show", amountMinor: 20_000 });
    // Same organization, charged after the period: not on this invoice, must not move.
    await charge(sameOrgLater, w.id("A"), { occurredAt: new Date("2026-12-03T10:00:00Z") });

    const invoiceId = await draft(admin, { organizationId: w.id("A"), ...PERIOD });
    // A draft cannot be paid.
    expect(await defineAction(markInvoicePaidDefinition, as(admin))({ invoiceId })).toMatchObject({
      ok: false,
      code: "stale",
    });
    await issued(admin, invoiceId);
    const paid = await defineAction(markInvoicePaidDefinition, as(admin))({ invoiceId });
    expect(paid.ok).toBe(true);
    if (!paid.ok) return;
    expect(paid.data.moved.sort()).toEqual([...onInvoice].sort());
    expect(paid.data.notMoved).toEqual([]);

    const stages = await getDb()
      .select({ id: t.bookings.id, stage: t.bookings.currentProgress })
      .from(t.bookings)
      .where(inArray(t.bookings.id, [...onInvoice, sameOrgLater, w.bookingIds.aNoTeam]));
    const stageOf = Object.fromEntries(stages.map((row) => [row.id, row.stage]));
    expect(stageOf[w.bookingIds.aTeam1]).toBe("payment_received");
    expect(stageOf[w.bookingIds.aTeam2]).toBe("payment_received");
    expect(stageOf[sameOrgLater]).toBe("report_generated");
    expect(stageOf[w.bookingIds.aNoTeam]).toBe("no_show");
    const progress = await getDb()
      .select()
      .from(t.bookingProgress)
      .where(
        and(
          inArray(t.bookingProgress.bookingId, onInvoice),
          eq(t.bookingProgress.progress, "payment_received"),
        ),
      );
    expect(progress).toHaveLength(2);
    expect(await invoiceRow(invoiceId)).toMatchObject({ state: "paid", paidById: admin.userId });
    const audit = await auditRowsFor("invoice", invoiceId);
    expect(audit.find((entry) => entry.action === "invoice.paid")?.metadata).toMatchObject({
      movedBookings: expect.arrayContaining(onInvoice) as unknown,
    });
    // Paying twice is refused; a paid invoice is not voided.
    expect(await defineAction(markInvoicePaidDefinition, as(admin))({ invoiceId })).toMatchObject({
      ok: false,
    });
    expect(await defineAction(voidInvoiceDefinition, as(admin))({ invoiceId, reason: "typo" })).toMatchObject(
      { ok: false, code: "conflict" },
    );
  });

  it("leaves a booking that is not at report_generated where it is, and says so", async () => {
    const w = await world();
    const admin = w.actors.platformAdmin;
    await setStage([w.bookingIds.aTeam1], "generating_report");
    await setStage([w.bookingIds.aTeam2], "payment_received");
    await charge(w.bookingIds.aTeam1, w.id("A"));
    await charge(w.bookingIds.aTeam2, w.id("A"));
    const invoiceId = await draft(admin, { organizationId: w.id("A"), ...PERIOD });
    await issued(admin, invoiceId);
    const paid = await defineAction(markInvoicePaidDefinition, as(admin))({ invoiceId });
    expect(paid).toMatchObject({
      ok: true,
      data: {
        moved: [],
        alreadyPaid: [w.bookingIds.aTeam2],
        notMoved: [{ bookingId: w.bookingIds.aTeam1, stage: "generating_report", status: "active" }],
      },
    });
  });
});

describe("voiding", () => {
  it("an issued invoice gets a credit note (its own series and PDF) and its charges can be billed again", async () => {
    const w = await world();
    const admin = w.actors.platformAdmin;
    await charge(w.bookingIds.aTeam1, w.id("A"));
    const invoiceId = await draft(admin, { organizationId: w.id("A"), ...PERIOD });
    const number = await issued(admin, invoiceId);
    const voided = await defineAction(
      voidInvoiceDefinition,
      as(admin),
    )({ invoiceId, reason: "Wrong organization" });
    expect(voided.ok).toBe(true);
    if (!voided.ok) return;
    expect(voided.data.creditNoteNumber).toMatch(/^CN-\d{4}-\d{4,}$/);
    const [note] = await getDb().select().from(t.creditNotes).where(eq(t.creditNotes.invoiceId, invoiceId));
    expect(note).toMatchObject({ number: voided.data.creditNoteNumber, totalMinor: -50_850 });
    const text = await pdfText(note!.pdfKey);
    expect(text).toContain("Credit note");
    expect(text).toContain(voided.data.creditNoteNumber!);
    expect(text).toContain(number);
    expect(text).toContain("Wrong organization");
    expect(text).toContain("Total (USD) USD -508.50");
    expect(await invoiceRow(invoiceId)).toMatchObject({ state: "void", number });
    // Released: a new draft takes the same charge.
    const again = await draft(admin, { organizationId: w.id("A"), ...PERIOD });
    expect(again).not.toBe(invoiceId);
  });

  it("a draft just releases its charges, with no number and no credit note", async () => {
    const w = await world();
    const admin = w.actors.platformAdmin;
    await charge(w.bookingIds.aTeam1, w.id("A"));
    const invoiceId = await draft(admin, { organizationId: w.id("A"), ...PERIOD });
    const voided = await defineAction(
      voidInvoiceDefinition,
      as(admin),
    )({ invoiceId, reason: "Wrong period" });
    expect(voided).toMatchObject({ ok: true, data: { creditNoteNumber: null } });
    expect(await invoiceRow(invoiceId)).toMatchObject({ state: "void", number: null });
    await draft(admin, { organizationId: w.id("A"), ...PERIOD });
  });
});

describe("who sees an invoice", () => {
  it("its organization's owners and admins and platform admins; for anyone else it is not found", async () => {
    const w = await world();
    const admin = w.actors.platformAdmin;
    await charge(w.bookingIds.aTeam1, w.id("A"));
    const invoiceId = await draft(admin, { organizationId: w.id("A"), ...PERIOD });
    const db = getDb();
    // A draft is the provider's: even A's owner does not see it yet.
    expect(await getInvoiceDetail(db, w.actors.ownerA, invoiceId)).toBeNull();
    await issued(admin, invoiceId);

    const download = (actor: Actor, query = "") =>
      handleInvoiceDownload(
        new Request(`http://localhost:3000/api/invoices/${invoiceId}/pdf${query}`),
        { invoiceId },
        async () => actor,
        s3.storage,
      );
    for (const actor of [admin, w.actors.ownerA, w.actors.adminA]) {
      expect((await getInvoiceDetail(db, actor, invoiceId))?.invoice.id).toBe(invoiceId);
      const response = await download(actor);
      expect(response.status).toBe(303);
      const pdf = await fetch(response.headers.get("location")!);
      expect(pdf.status).toBe(200);
      expect(
        Buffer.from(await pdf.arrayBuffer())
          .subarray(0, 5)
          .toString(),
      ).toBe("%PDF-");
    }
    const downloads = (await auditRowsFor("invoice", invoiceId)).filter(
      (entry) => entry.action === "invoice.downloaded",
    );
    expect(downloads).toHaveLength(3);

    for (const actor of [
      w.ownerB,
      w.actors.memberA1,
      w.actors.memberNoTeamA,
      w.actors.specialistS1,
      w.actors.outsider,
    ]) {
      expect(await getInvoiceDetail(db, actor, invoiceId)).toBeNull();
      expect((await listInvoices(db, actor)).map((row) => row.id)).not.toContain(invoiceId);
      expect((await download(actor)).status).toBe(404);
      for (const [definition, input] of [
        [issueInvoiceDefinition, { invoiceId }],
        [markInvoicePaidDefinition, { invoiceId }],
        [voidInvoiceDefinition, { invoiceId, reason: "not mine" }],
      ] as const) {
        const result = await defineAction(
          definition as typeof issueInvoiceDefinition,
          as(actor),
        )(input as { invoiceId: string });
        expect(result).toMatchObject({ ok: false, code: "not_found" });
      }
    }
    // No credit note exists: its PDF is not found either, even for the owner.
    expect((await download(w.actors.ownerA, "?document=credit_note")).status).toBe(404);
    expect(await invoiceRow(invoiceId)).toMatchObject({ state: "issued" });
  });
});

describe("the CSV export", () => {
  it("has one RFC 4180 row per line, credit notes negative, formulas neutralised; admins only", async () => {
    const w = await world();
    const admin = w.actors.platformAdmin;
    await renameOrganization(w.id("A"), `=HYPERLINK("x"), Org "A" ${w.id("A")}`);
    await charge(w.bookingIds.aTeam1, w.id("A"), { description: 'Exam, "urgent"\nsecond line' });
    await charge(w.bookingIds.aNoTeam, w.id("A"), {
      kind: "no_show",
      amountMinor: 20_000,
      description: "@SUM(1)",
    });
    const invoiceId = await draft(admin, { organizationId: w.id("A"), ...PERIOD });
    const number = await issued(admin, invoiceId);
    const voided = await defineAction(voidInvoiceDefinition, as(admin))({ invoiceId, reason: "Duplicate" });
    if (!voided.ok) throw new Error(voided.error);
    const today = new Date().toISOString().slice(0, 10);
    const url = `http://localhost:3000/api/admin/invoices/export?from=${today}&to=${today}`;

    for (const actor of [w.actors.ownerA, w.actors.memberA1]) {
      expect((await handleInvoiceExport(new Request(url), async () => actor)).status).toBe(404);
    }
    const response = await handleInvoiceExport(new Request(url), async () => admin);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const csv = await response.text();
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.split("\r\n")[0]).toBe(
      "document_number,document_type,issue_date,due_date,customer,customer_id,credits_invoice,booking_id,line_date,description,net,tax_rate_percent,tax,gross,currency",
    );
    const customer = `"'=HYPERLINK(""x""), Org ""A"" ${w.id("A")}"`;
    expect(csv).toContain(`${number},invoice,${today},`);
    expect(csv).toContain(
      `${customer},${w.id("A")},,${w.bookingIds.aTeam1},2026-11-12,"Examination: Exam, ""urgent""\nsecond line",450.00,13.00,58.50,508.50,USD`,
    );
    expect(csv).toContain(`,2026-11-12,Non-attendance: @SUM(1),200.00,13.00,26.00,226.00,USD`);
    expect(csv).toContain(
      `${voided.data.creditNoteNumber},credit_note,${today},,${customer},${w.id("A")},${number},${w.bookingIds.aTeam1},2026-11-12,"Examination: Exam, ""urgent""\nsecond line",-450.00,13.00,-58.50,-508.50,USD`,
    );
  });
});

async function renameOrganization(id: string, name: string) {
  await getDb().update(t.organizations).set({ name }).where(eq(t.organizations.id, id));
}
