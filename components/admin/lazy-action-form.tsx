"use client";
import { lazy, Suspense, type ComponentProps } from "react";
import type { ActionForm as ActionFormComponent } from "./action-form";

const ActionForm = lazy(() => import("./action-form").then((module) => ({ default: module.ActionForm })));

/**
 * ActionForm for a form only some viewers get on a page everyone opens — an administrator's
 * "Waive" on the booking page: its code loads for them, after the page, instead of weighing on
 * every viewer's first load (issue 14's budget). The form appears once loaded.
 */
export function LazyActionForm(props: ComponentProps<typeof ActionFormComponent>) {
  return (
    <Suspense fallback={null}>
      <ActionForm {...props} />
    </Suspense>
  );
}
