/**
 * The PDF of an invoice or a credit note, made with pdfkit from a plain model (no database, no
 * clock): render, upload, then commit — see issue-invoice.ts. Amounts arrive in minor units and
 * are formatted here, at the edge. The standard Helvetica font covers Latin text (WinAnsi).
 */
import PDFDocument from "pdfkit";
import { formatAmount } from "./format-amount";

export interface InvoicePdfLine {
  /** The examination's (or the cancellation's) date, already written for people. */
  date: string;
  examinee: string;
  specialist: string;
  kind: string;
  description: string;
  amountMinor: number;
}

export interface InvoicePdfModel {
  kind: "invoice" | "credit_note";
  number: string;
  /** For a credit note: the invoice it credits. */
  creditsNumber?: string | null;
  provider: { name: string; lines: string[] };
  billedTo: { name: string };
  issueDate: string;
  dueDate?: string | null;
  period?: string | null;
  reason?: string | null;
  currency: string;
  lines: InvoicePdfLine[];
  subtotalMinor: number;
  taxMinor: number;
  totalMinor: number;
}

const MARGIN = 50;
const COLUMNS = [
  { key: "date", label: "Date", width: 70 },
  { key: "examinee", label: "Examinee", width: 100 },
  { key: "specialist", label: "Specialist", width: 100 },
  { key: "kind", label: "Item", width: 125 },
  { key: "amount", label: "Amount", width: 100 },
] as const;

export function renderInvoicePdf(model: InvoicePdfModel): Promise<Buffer> {
  const title = model.kind === "invoice" ? "Tax invoice" : "Credit note";
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    info: { Title: `${title} ${model.number}`, Author: model.provider.name, Subject: model.billedTo.name },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const money = (minor: number) => formatAmount(minor, model.currency);
  const right = doc.page.width - MARGIN;

  // Provider header on the left, what the document is on the right.
  doc.font("Helvetica-Bold").fontSize(16).text(model.provider.name, MARGIN, MARGIN);
  doc.font("Helvetica").fontSize(9);
  for (const line of model.provider.lines) doc.text(line);
  doc
    .font("Helvetica-Bold")
    .fontSize(18)
    .text(title, MARGIN, MARGIN, { width: right - MARGIN, align: "right" });
  doc
    .font("Helvetica")
    .fontSize(10)
    .text(model.number, { width: right - MARGIN, align: "right" });

  doc.moveDown(4);
  const facts: [string, string][] = [
    ["Billed to", model.billedTo.name],
    ["Date of issue", model.issueDate],
  ];
  if (model.dueDate) facts.push(["Due", model.dueDate]);
  if (model.period) facts.push(["Period", model.period]);
  if (model.creditsNumber) facts.push(["Credits invoice", model.creditsNumber]);
  if (model.reason) facts.push(["Reason", model.reason]);
  let y = Math.max(doc.y, 150);
  for (const [label, value] of facts) {
    doc.font("Helvetica-Bold").fontSize(10).text(label, MARGIN, y, { width: 100 });
    doc.font("Helvetica").text(value, MARGIN + 110, y, { width: right - MARGIN - 110 });
    y = doc.y + 4;
  }

  // The lines, as a table with a header row; a new page repeats the header.
  y += 16;
  const header = (top: number) => {
    let x = MARGIN;
    doc.font("Helvetica-Bold").fontSize(9);
    for (const column of COLUMNS) {
      doc.text(column.label, x, top, {
        width: column.width - 6,
        align: column.key === "amount" ? "right" : "left",
      });
      x += column.width;
    }
    doc
      .moveTo(MARGIN, top + 14)
      .lineTo(right, top + 14)
      .stroke();
    return top + 20;
  };
  y = header(y);
  doc.font("Helvetica").fontSize(9);
  for (const line of model.lines) {
    const cells: Record<(typeof COLUMNS)[number]["key"], string> = {
      date: line.date,
      examinee: line.examinee,
      specialist: line.specialist,
      kind: line.description ? `${line.kind}\n${line.description}` : line.kind,
      amount: money(line.amountMinor),
    };
    const height = Math.max(
      ...COLUMNS.map((column) => doc.heightOfString(cells[column.key], { width: column.width - 6 })),
    );
    if (y + height > doc.page.height - MARGIN - 80) {
      doc.addPage();
      y = header(MARGIN);
      doc.font("Helvetica").fontSize(9);
    }
    let x = MARGIN;
    for (const column of COLUMNS) {
      doc.text(cells[column.key], x, y, {
        width: column.width - 6,
        align: column.key === "amount" ? "right" : "left",
      });
      x += column.width;
    }
    y += height + 6;
  }

  // Totals under the amount column.
  doc.moveTo(MARGIN, y).lineTo(right, y).stroke();
  y += 8;
  const totals: [string, number, boolean][] = [
    ["Subtotal", model.subtotalMinor, false],
    ["Tax", model.taxMinor, false],
    [`Total (${model.currency})`, model.totalMinor, true],
  ];
  for (const [label, amount, bold] of totals) {
    doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(bold ? 11 : 10);
    doc.text(label, right - 260, y, { width: 150, align: "right" });
    doc.text(money(amount), right - 100, y, { width: 94, align: "right" });
    y = doc.y + 4;
  }
  doc.end();
  return done;
}
