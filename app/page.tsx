import { redirect } from "next/navigation";
import { homePathFor } from "@/components/shell/nav-items";
import { getCurrentActor } from "@/lib/auth/current-session";

export default async function HomePage() {
  const actor = await getCurrentActor();
  redirect(actor ? homePathFor(actor) : "/sign-in");
}
