import type { ComponentPropsWithRef } from "react";

// The classes themselves are in app/globals.css (.button, .button-<variant>): written once there,
// not in every page's JavaScript and markup. A caller's className (utilities) still wins over them.
const variants = {
  primary: "button-primary",
  secondary: "button-secondary",
  danger: "button-danger",
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
  return <button className={`button ${variants[variant]} ${className}`} {...props} />;
}
