/** E-mails about an account rather than a booking: an invitation to join, a password reset. */
import { EmailLayout, type TemplateCommon } from "./layout";
import { CallToAction, Paragraph, SmallPrint } from "./parts";

export function InvitationEmail({
  common,
  organizationName,
  inviterName,
  role,
  acceptUrl,
  expires,
}: {
  common: TemplateCommon;
  organizationName: string;
  inviterName: string;
  role: string;
  acceptUrl: string;
  /** When the link stops working, written for people. */
  expires: string;
}) {
  return (
    <EmailLayout
      common={common}
      preview={`${inviterName} invited you to ${organizationName}`}
      heading={`You are invited to ${organizationName}`}
    >
      <Paragraph>
        {inviterName} invited you to join {organizationName} on the IME Portal as {role}.
      </Paragraph>
      <CallToAction href={acceptUrl}>Accept the invitation and choose your password</CallToAction>
      <SmallPrint>
        The link works once and expires on {expires}. If you did not expect this e-mail, ignore it.
      </SmallPrint>
    </EmailLayout>
  );
}

export function PasswordResetEmail({ common, url }: { common: TemplateCommon; url: string }) {
  return (
    <EmailLayout
      common={common}
      preview="Choose a new password for your account"
      heading="Reset your password"
    >
      <Paragraph>Someone asked to reset the password of the IME Portal account of this address.</Paragraph>
      <CallToAction href={url}>Choose a new password</CallToAction>
      <SmallPrint>
        The link works once and only for a short time. If you did not ask for it, ignore this e-mail: your
        password stays as it is.
      </SmallPrint>
    </EmailLayout>
  );
}
