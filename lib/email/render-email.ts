/** A composed e-mail rendered to what goes over SMTP: HTML and its plain-text twin from the same element. */
import { render } from "@react-email/render";
import { composeEmail, type ComposedEmail, type ComposeInput } from "./compose-email";

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
  calendar: ComposedEmail["calendar"] | null;
  attachments: NonNullable<ComposedEmail["attachments"]>;
}

export async function renderEmail(input: ComposeInput): Promise<RenderedEmail> {
  const composed = composeEmail(input);
  const [html, text] = await Promise.all([
    render(composed.element),
    render(composed.element, { plainText: true }),
  ]);
  return {
    subject: composed.subject,
    html,
    text,
    calendar: composed.calendar ?? null,
    attachments: composed.attachments ?? [],
  };
}
