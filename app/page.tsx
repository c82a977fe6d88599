import { redirect } from "next/navigation";
import { getCurrentActor } from "@/lib/auth/current-session";

export default async function HomePage() {
  const actor = await getCurrentActor();
  redirect(actor ? "/bookings" : "/sign-in");
}
