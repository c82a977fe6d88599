import { redirect } from "next/navigation";
import { requireAdminConsole } from "@/lib/admin/require-admin";

export default async function AdminHome() {
  await requireAdminConsole();
  redirect("/admin/users");
}
