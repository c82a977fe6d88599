"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { postAuth } from "@/lib/auth/auth-endpoint";

/**
 * One POST to better-auth's sign-out endpoint, then the sign-in page. A plain fetch
 * (lib/auth/auth-endpoint.ts), not better-auth's client: that client was ≈ 13 kB gzip of every
 * portal page's first-load JavaScript for this one call (issue 14).
 */
export function SignOutButton() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [failed, setFailed] = useState(false);
  return (
    <span className="flex items-center gap-2">
      {failed && (
        <span role="alert" className="text-sm text-rose-800">
          Not signed out — try again.
        </span>
      )}
      <Button
        variant="secondary"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const answer = await postAuth("/sign-out").catch(() => null);
            if (!answer || answer.error) return setFailed(true);
            router.push("/sign-in");
            router.refresh();
          })
        }
      >
        Sign out
      </Button>
    </span>
  );
}
