import { AdminNav } from "@/components/admin/admin-nav";
import { requireAdminConsole } from "@/lib/admin/require-admin";

/** Every admin page is a 404 for anyone but an admin acting as themselves (each page checks too). */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requireAdminConsole();
  return (
    <>
      <AdminNav />
      {children}
    </>
  );
}
