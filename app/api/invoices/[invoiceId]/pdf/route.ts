import { getCurrentActor } from "@/lib/auth/current-session";
import { handleInvoiceDownload } from "@/lib/billing/invoices/download-handler";

export async function GET(request: Request, context: { params: Promise<{ invoiceId: string }> }) {
  return handleInvoiceDownload(request, await context.params, getCurrentActor);
}
