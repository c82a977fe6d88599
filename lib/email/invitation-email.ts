import type { OutgoingEmail } from "./send-email";

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );

/** The invitation link is the secret: whoever holds it may set up the account for this e-mail. */
export function invitationAcceptUrl(baseUrl: string, invitationId: string): string {
  return new URL(`/accept-invitation/${encodeURIComponent(invitationId)}`, baseUrl).toString();
}

export function invitationEmail(input: {
  to: string;
  organizationName: string;
  inviterName: string;
  role: string;
  acceptUrl: string;
  expiresAt: Date;
}): OutgoingEmail {
  const expires = input.expiresAt.toUTCString();
  const text = [
    `${input.inviterName} invited you to join ${input.organizationName} on the IME Portal as ${input.role}.`,
    "",
    `Accept the invitation and choose your password: ${input.acceptUrl}`,
    "",
    `The link works once and expires on ${expires}. If you did not expect this e-mail, ignore it.`,
  ].join("\n");
  const html = `<p>${escapeHtml(input.inviterName)} invited you to join <strong>${escapeHtml(input.organizationName)}</strong> on the IME Portal as ${escapeHtml(input.role)}.</p>
<p><a href="${escapeHtml(input.acceptUrl)}">Accept the invitation and choose your password</a></p>
<p>The link works once and expires on ${escapeHtml(expires)}. If you did not expect this e-mail, ignore it.</p>`;
  return {
    to: input.to,
    subject: `You are invited to ${input.organizationName} on the IME Portal`,
    text,
    html,
  };
}
