import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/current-session";
import type { Actor } from "@/lib/authz/actor";
import { canUseAdminConsole } from "@/lib/authz/policy";

/** For admin pages: the admin acting as themselves, else the same 404 as a missing page. */
export async function requireAdminConsole(): Promise<Actor> {
  const actor = await requireActor();
  if (!canUseAdminConsole(actor)) notFound();
  return actor;
}
