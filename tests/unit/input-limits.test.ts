/**
 * Every text a form or action takes has a bound, refused with a message of our own (zod's
 * defaults name types and regexes), and the seed's VARCHAR bounds are the bounds of the fields
 * typed into those columns. Admin → Create a user once took a 10,251-character e-mail.
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { bookings, documents, specialists } from "@/db/schema";
import { reconcileWindowSchema, replayEventSchema } from "@/lib/acuity-sync/schemas";
import * as adminBookingSchemas from "@/lib/admin/bookings/schemas";
import * as progressSchemas from "@/lib/bookings/progress/schemas";
import * as bookingSchemas from "@/lib/bookings/schemas";
import * as documentSchemas from "@/lib/documents/schemas";
import * as impersonationSchemas from "@/lib/impersonation/schemas";
import { acceptInvitationSchema } from "@/lib/organizations/accept-invitation";
import * as organizationSchemas from "@/lib/organizations/schemas";
import * as specialistSchemas from "@/lib/specialists-admin/schemas";
import * as userSchemas from "@/lib/users/schemas";
import { SEED_BOUNDS } from "@/lib/validation/limits";

const isSchema = (value: unknown): value is z.ZodType => value instanceof z.ZodType;
const ACTION_INPUTS: Record<string, z.ZodType> = Object.fromEntries(
  Object.entries<unknown>({
    ...adminBookingSchemas,
    ...progressSchemas,
    ...bookingSchemas,
    ...documentSchemas,
    ...impersonationSchemas,
    ...organizationSchemas,
    ...specialistSchemas,
    ...userSchemas,
    acceptInvitationSchema,
    reconcileWindowSchema,
    replayEventSchema,
  }).filter((entry): entry is [string, z.ZodType] => isSchema(entry[1]) && shapeOf(entry[1]) !== null),
);

/** The fields of an object schema, also behind a preprocess (a pipe into the object). */
function shapeOf(schema: z.ZodType): Record<string, z.ZodType> | null {
  if (schema instanceof z.ZodObject) return schema.shape as Record<string, z.ZodType>;
  if (schema instanceof z.ZodPipe) return shapeOf(schema.out as z.ZodType) ?? shapeOf(schema.in as z.ZodType);
  return null;
}

/** Whether a field takes text somewhere (a string, or a string inside optional/pipe/union/array). */
function takesText(schema: z.ZodType): boolean {
  if (schema instanceof z.ZodString) return true;
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault)
    return takesText(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodPipe)
    return takesText(schema.in as z.ZodType) || takesText(schema.out as z.ZodType);
  if (schema instanceof z.ZodUnion) return (schema.options as z.ZodType[]).some(takesText);
  if (schema instanceof z.ZodArray) return takesText(schema.element as z.ZodType);
  return false;
}

const N = 10_251;
const OVERLONG = ["x".repeat(N), `${"a".repeat(N)}@example.com`, "1".repeat(N)];
const ZOD_DEFAULT_MESSAGE = /^(Too big|Too small|Invalid)/;

describe.each(Object.keys(ACTION_INPUTS))("%s", (name) => {
  const schema = ACTION_INPUTS[name]!;
  const textFields = Object.entries(shapeOf(schema)!)
    .filter(([, field]) => takesText(field))
    .map(([key]) => key);

  it.each(textFields.length > 0 ? textFields : ["(no text fields)"])(
    "refuses 10,251 characters in %s, saying so",
    (key) => {
      if (textFields.length === 0) return;
      for (const value of OVERLONG) {
        const result = schema.safeParse({ [key]: value });
        const issues = result.success ? [] : result.error.issues.filter((issue) => issue.path[0] === key);
        expect(issues.length, `${key} = ${value.slice(0, 12)}…`).toBeGreaterThan(0);
        for (const issue of issues)
          expect(issue.message, `${key}: "${issue.message}"`).not.toMatch(ZOD_DEFAULT_MESSAGE);
      }
    },
  );
});

/** n of a VARCHAR(n) column, as db/schema declares it. */
const varcharLength = (column: { getSQLType(): string }) =>
  Number(/^varchar\((\d+)\)$/.exec(column.getSQLType())?.[1]);

describe("the seed's VARCHAR bounds", () => {
  it("are the bounds of db/schema's columns", () => {
    expect(SEED_BOUNDS).toEqual({
      examineeName: varcharLength(bookings.examineeName),
      examineePhone: varcharLength(bookings.examineePhone),
      examineeEmail: varcharLength(bookings.examineeEmail),
      specialistName: varcharLength(specialists.name),
      specialty: varcharLength(specialists.specialty),
      location: varcharLength(specialists.location),
      acuityCalendarId: varcharLength(specialists.acuityCalendarId),
      fileName: varcharLength(documents.fileName),
      mimeType: varcharLength(documents.mimeType),
    });
  });

  const booking = {
    idempotencyKey: "form-key-123456",
    specialistId: "s1",
    appointmentType: "telehealth",
    datetime: "2099-03-02T10:00:00-0500",
    organizationId: "o1",
    examineeName: "Ann Lee",
    examineePhone: "+1 212 555 0100",
  };
  const fieldErrors = (input: Record<string, unknown>) => {
    const result = bookingSchemas.createBookingSchema.safeParse(input);
    return result.success ? {} : z.flattenError(result.error).fieldErrors;
  };

  it("let a booking's examinee name and e-mail be exactly as long as their columns, and not one character longer", () => {
    const name = (length: number) => `A${"n".repeat(length - 1)}`;
    const email = (length: number) => `${"a".repeat(length - "@example.com".length)}@example.com`;
    expect(
      fieldErrors({
        ...booking,
        examineeName: name(SEED_BOUNDS.examineeName),
        examineeEmail: email(SEED_BOUNDS.examineeEmail),
      }),
    ).toEqual({});
    expect(fieldErrors({ ...booking, examineeName: name(SEED_BOUNDS.examineeName + 1) })).toEqual({
      examineeName: ["Use at most 255 characters"],
    });
    expect(fieldErrors({ ...booking, examineeEmail: email(SEED_BOUNDS.examineeEmail + 1) })).toEqual({
      examineeEmail: ["An e-mail address has at most 255 characters"],
    });
    expect(
      fieldErrors({ ...booking, examineePhone: `+1 212 555 0100${" ".repeat(SEED_BOUNDS.examineePhone)}x` }),
    ).toMatchObject({ examineePhone: expect.any(Array) });
  });

  it("say a time in the past is in the past", () => {
    expect(fieldErrors({ ...booking, datetime: "2020-03-02T10:00:00-0500" })).toEqual({
      datetime: [bookingSchemas.PAST_TIME_MESSAGE],
    });
  });
});
