/**
 * The headline e-mail: the report of a booking is ready. It links to the booking page — never to
 * the file, never a presigned link: the reader signs in and downloads there, audited as always.
 */
import type { AppointmentView } from "./appointment-view";
import { EmailLayout, type TemplateCommon } from "./layout";
import { CallToAction, FactList, Paragraph, SmallPrint } from "./parts";

export function ReportReadyEmail({
  common,
  view,
  hasAccount,
  canSignIn,
  bookerName,
}: {
  common: TemplateCommon;
  view: AppointmentView;
  /** Report recipients named on the booking may have no portal account… */
  hasAccount: boolean;
  /** …or one that does not open this booking. */
  canSignIn: boolean;
  bookerName: string | null;
}) {
  return (
    <EmailLayout
      common={common}
      preview={`Booking ${view.bookingId}: sign in to download the report`}
      heading="The report is ready"
    >
      <Paragraph>
        {view.specialistName} has completed the report of this examination. It is waiting for you on the
        booking page.
      </Paragraph>
      <FactList
        facts={[
          { label: "Reference", value: view.bookingId },
          { label: "Specialist", value: `${view.specialistName} (${view.specialty})` },
          { label: "Examination", value: view.when.specialist },
        ]}
      />
      <CallToAction href={view.bookingUrl}>Sign in to download the report</CallToAction>
      {canSignIn ? (
        <SmallPrint>
          The report is not attached to this e-mail: it is only downloaded from the portal, after you sign in.
        </SmallPrint>
      ) : (
        <Paragraph>
          {hasAccount
            ? "Your IME Portal account does not open this booking yet."
            : "You need an IME Portal account to open it. If you do not have one,"}{" "}
          {hasAccount ? "Ask" : "ask"}{" "}
          {bookerName
            ? `${bookerName}, who booked the examination,`
            : "the person who booked the examination"}{" "}
          to give you access.
        </Paragraph>
      )}
    </EmailLayout>
  );
}
