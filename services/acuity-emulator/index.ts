export * from "./server";
export { DEFAULT_STAFF_EMAIL } from "./control";
export { meetingLinkFor, type RenderedAppointment } from "./render";
export { FIRST_APPOINTMENT_ID } from "./state";
