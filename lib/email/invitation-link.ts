/** The invitation link is the secret: whoever holds it may set up the account for this e-mail. */
export function invitationAcceptUrl(baseUrl: string, invitationId: string): string {
  return new URL(`/accept-invitation/${encodeURIComponent(invitationId)}`, baseUrl).toString();
}
