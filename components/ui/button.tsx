import type { ComponentPropsWithRef } from "react";

const variants = {
  primary: "bg-indigo-600 text-white hover:bg-indigo-500 disabled:bg-indigo-300",
  secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50 disabled:text-slate-400",
  danger: "bg-rose-600 text-white hover:bg-rose-500 disabled:bg-rose-300",
} as const;

/**
 * The portal's button. At least 24×24 px whatever its text (WCAG 2.5.8 target size); focus is the
 * global `:focus-visible` outline (app/globals.css). `ref` passes through, so a panel can give
 * focus back to the button that opened it.
 */
export function Button({
  variant = "primary",
  className = "",
  ...props
}: ComponentPropsWithRef<"button"> & { variant?: keyof typeof variants }) {
  return (
    <button
      className={`inline-flex min-h-6 min-w-6 items-center justify-center rounded-md px-3 py-2 text-sm font-medium transition-colors disabled:cursor-not-allowed aria-disabled:cursor-wait ${variants[variant]} ${className}`}
      {...props}
    />
  );
}
