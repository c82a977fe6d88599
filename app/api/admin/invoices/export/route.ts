import { getCurrentActor } from "@/lib/auth/current-session";
import { handleInvoiceExport } from "@/lib/billing/invoices/export-handler";

export async function GET(request: Request) {
  return handleInvoiceExport(request, getCurrentActor);
}
