/**
 * Type-level test, checked by `tsc --noEmit` (npm run typecheck), never executed: an action built
 * with defineAction takes its schema's input type, so a caller sending the wrong shape does not
 * compile. Each `@ts-expect-error` fails the typecheck the day that call starts compiling.
 */
import { expectTypeOf } from "vitest";
import { z } from "zod";
import type { cancelBookingAction } from "@/app/(portal)/bookings/[bookingId]/actions";
import type { banUserAction } from "@/app/(portal)/admin/users/actions";
import type { ActionForm } from "@/components/admin/action-form";
import { defineAction, type Action } from "@/lib/actions/define-action";
import type { ActionFailure } from "@/lib/actions/result";
import type { ErrorCode } from "@/lib/errors/codes";

const schema = z.object({ bookingId: z.string(), note: z.string().optional() });
const run = () => Promise.resolve({ done: true });
const objectAction = defineAction({ input: schema, authorize: () => true, run });
const formAction = defineAction({ input: schema, form: true, authorize: () => true, run });

// The right shape compiles, optional fields may be left out.
expectTypeOf(objectAction).toBeCallableWith({ bookingId: "b1" });
expectTypeOf(objectAction).toBeCallableWith({ bookingId: "b1", note: "why" });
// @ts-expect-error — a required field is missing
expectTypeOf(objectAction).toBeCallableWith({ note: "why" });
// @ts-expect-error — a field of the wrong type
expectTypeOf(objectAction).toBeCallableWith({ bookingId: 42 });
// @ts-expect-error — a field the schema does not have (a typo of an optional one would pass unseen)
const _typo: Parameters<typeof objectAction>[0] = { bookingId: "b1", nte: "why" };
// @ts-expect-error — FormData only where the definition says it is posted as a form
expectTypeOf(objectAction).toBeCallableWith(new FormData());
expectTypeOf(formAction).toBeCallableWith(new FormData());
expectTypeOf(formAction).toBeCallableWith({ bookingId: "b1" });

// The real actions: cancelling names the stage the page showed — one of the stages, not any text.
type CancelInput = Parameters<typeof cancelBookingAction>[0];
expectTypeOf<{ bookingId: string; expectedProgress: "scheduled"; reason: string }>().toExtend<CancelInput>();
expectTypeOf<{ bookingId: string; expectedProgress: string; reason: string }>().not.toExtend<CancelInput>();
expectTypeOf<FormData>().not.toExtend<CancelInput>();

// ActionForm posts FormData: only form actions fit it.
type FormProp = Parameters<typeof ActionForm>[0]["action"];
expectTypeOf<typeof banUserAction>().toExtend<FormProp>();
expectTypeOf<typeof cancelBookingAction>().not.toExtend<FormProp>();
expectTypeOf<Action<typeof schema, unknown>>().not.toExtend<FormProp>();

// A failure carries a stable code beside its sentence.
expectTypeOf<ActionFailure["code"]>().toEqualTypeOf<ErrorCode>();
