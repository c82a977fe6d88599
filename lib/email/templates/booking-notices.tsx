/**
 * The booking e-mails: to the referrer side (who booked, and the booking's report recipients)
 * and to the specialist. They name the booking by its reference, the specialist and the time;
 * the examinee's details stay in the portal, behind a sign-in.
 */
import type { AppointmentTime, AppointmentView } from "./appointment-view";
import { EmailLayout, type TemplateCommon } from "./layout";
import { CallToAction, ExternalLink, FactList, Paragraph, SmallPrint, type Fact } from "./parts";

function timeFacts(label: string, time: AppointmentTime): Fact[] {
  return [
    { label, value: time.specialist },
    ...(time.other ? [{ label: time.otherLabel, value: time.other }] : []),
  ];
}

/** Reference, specialist, kind, where, when (or was → now): the facts every booking e-mail shows. */
function appointmentFacts(view: AppointmentView, previous?: AppointmentTime): Fact[] {
  const where: Fact =
    view.appointmentType === "telehealth"
      ? {
          label: "Where",
          value: view.meetingLink ? (
            <ExternalLink href={view.meetingLink}>{view.meetingLink}</ExternalLink>
          ) : (
            "Telehealth — the meeting link will be on the booking page"
          ),
        }
      : { label: "Where", value: view.address ?? "In person — the address will be on the booking page" };
  return [
    { label: "Reference", value: view.bookingId },
    { label: "Specialist", value: `${view.specialistName} (${view.specialty})` },
    { label: "Examination", value: view.typeLabel },
    ...(previous ? timeFacts("Was", previous) : []),
    ...timeFacts(previous ? "Now" : "When", view.when),
    where,
  ];
}

interface BookingNoticeProps {
  common: TemplateCommon;
  view: AppointmentView;
}

const calendarLine = "The calendar invitation attached to this e-mail updates the entry in your calendar.";

export function BookingBookedEmail({ common, view }: BookingNoticeProps) {
  return (
    <EmailLayout
      common={common}
      preview={`${view.specialistName}, ${view.when.short}`}
      heading="Booking confirmed"
    >
      <Paragraph>
        The examination with {view.specialistName} is booked. The examinee&apos;s details and the documents
        are on the booking page.
      </Paragraph>
      <FactList facts={appointmentFacts(view)} />
      <CallToAction href={view.bookingUrl}>Open the booking</CallToAction>
      <SmallPrint>Add it to your calendar with the invitation attached to this e-mail.</SmallPrint>
    </EmailLayout>
  );
}

export function BookingRescheduledEmail({
  common,
  view,
  previous,
}: BookingNoticeProps & { previous: AppointmentTime | null }) {
  return (
    <EmailLayout common={common} preview={`Now ${view.when.short}`} heading="Booking rescheduled">
      <Paragraph>The examination with {view.specialistName} has moved to a new time.</Paragraph>
      <FactList facts={appointmentFacts(view, previous ?? undefined)} />
      <CallToAction href={view.bookingUrl}>Open the booking</CallToAction>
      <SmallPrint>{calendarLine}</SmallPrint>
    </EmailLayout>
  );
}

export function BookingCancelledEmail({ common, view }: BookingNoticeProps) {
  return (
    <EmailLayout
      common={common}
      preview={`${view.specialistName}, ${view.when.short} — cancelled`}
      heading="Booking cancelled"
    >
      <Paragraph>The examination with {view.specialistName} is cancelled and will not take place.</Paragraph>
      <FactList facts={appointmentFacts(view)} />
      <CallToAction href={view.bookingUrl}>Open the booking</CallToAction>
      <SmallPrint>{calendarLine}</SmallPrint>
    </EmailLayout>
  );
}

export function BookingNoShowEmail({ common, view }: BookingNoticeProps) {
  return (
    <EmailLayout
      common={common}
      preview={`${view.specialistName}, ${view.when.short}`}
      heading="The examinee did not attend"
    >
      <Paragraph>
        {view.specialistName} recorded that the examinee did not attend this examination. The booking page
        shows what happens next; you can book a new examination from the portal.
      </Paragraph>
      <FactList facts={appointmentFacts(view)} />
      <CallToAction href={view.bookingUrl}>Open the booking</CallToAction>
    </EmailLayout>
  );
}

export function ExaminationBookedEmail({ common, view }: BookingNoticeProps) {
  return (
    <EmailLayout common={common} preview={view.when.short} heading="New examination on your calendar">
      <Paragraph>
        An examination was booked with you. The examinee&apos;s details and the brief are in the portal.
      </Paragraph>
      <FactList facts={appointmentFacts(view)} />
      <CallToAction href={view.bookingUrl}>Open the booking</CallToAction>
    </EmailLayout>
  );
}

export function ExaminationRescheduledEmail({
  common,
  view,
  previous,
}: BookingNoticeProps & { previous: AppointmentTime | null }) {
  return (
    <EmailLayout common={common} preview={`Now ${view.when.short}`} heading="Examination rescheduled">
      <Paragraph>An examination on your calendar has moved to a new time.</Paragraph>
      <FactList facts={appointmentFacts(view, previous ?? undefined)} />
      <CallToAction href={view.bookingUrl}>Open the booking</CallToAction>
    </EmailLayout>
  );
}

export function ExaminationCancelledEmail({ common, view }: BookingNoticeProps) {
  return (
    <EmailLayout common={common} preview={`${view.when.short} — cancelled`} heading="Examination cancelled">
      <Paragraph>An examination on your calendar is cancelled; the time is free again.</Paragraph>
      <FactList facts={appointmentFacts(view)} />
      <CallToAction href={view.bookingUrl}>Open the booking</CallToAction>
    </EmailLayout>
  );
}
