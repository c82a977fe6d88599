/**
 * The one form field's wiring, as a screen reader meets it: the label names the control, the hint
 * and the error are its description, `aria-invalid` is set only while there is an error, and the
 * enclosing form's last failure reaches fields written without `errors` (ActionForm's children).
 */
import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { FormErrorsProvider } from "@/components/ui/form-errors-context";
import { FormErrorSummary } from "@/components/ui/form-error-summary";
import { FieldSet, FormField } from "@/components/ui/form-field";

/** Parses the markup enough to read attributes of the first element matching `tag`. */
function attributes(html: string, tag: string): Record<string, string> {
  const match = html.match(new RegExp(`<${tag}\\b([^>]*)>`));
  if (!match) throw new Error(`no <${tag}> in ${html}`);
  return Object.fromEntries([...match[1]!.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
}

const field = (props: Partial<Parameters<typeof FormField>[0]> = {}) =>
  renderToStaticMarkup(
    h(FormField, { label: "E-mail", name: "email", ...props, children: h("input", { name: "email" }) }),
  );

describe("FormField", () => {
  it("ties the label to the control by its name, with no error state when there is none", () => {
    const html = field();
    expect(attributes(html, "label").for).toBe("email");
    const input = attributes(html, "input");
    expect(input.id).toBe("email");
    expect(input).not.toHaveProperty("aria-invalid");
    expect(input).not.toHaveProperty("aria-describedby");
  });

  it("describes the control by its hint", () => {
    const html = field({ hint: "The one you sign in with" });
    expect(attributes(html, "input")["aria-describedby"]).toBe("email-hint");
    expect(html).toContain(
      '<p id="email-hint" class="mt-1 text-xs text-slate-600">The one you sign in with</p>',
    );
  });

  it("marks the control invalid and describes it by the error first, then the hint", () => {
    const html = field({ hint: "The one you sign in with", errors: ["Enter an e-mail address", "second"] });
    const input = attributes(html, "input");
    expect(input["aria-invalid"]).toBe("true");
    expect(input["aria-describedby"]).toBe("email-error email-hint");
    expect(html).toMatch(/<p id="email-error"[^>]*>Enter an e-mail address<\/p>/);
    expect(html).not.toContain("second");
  });

  it("uses the id it is given, so a name repeated on a page keeps unique ids", () => {
    const html = field({ id: "invite-email", errors: ["Taken"] });
    expect(attributes(html, "label").for).toBe("invite-email");
    expect(attributes(html, "input").id).toBe("invite-email");
    expect(attributes(html, "input")["aria-describedby"]).toBe("invite-email-error");
  });

  it("keeps the control's own description", () => {
    const html = renderToStaticMarkup(
      h(FormField, {
        label: "Code",
        name: "code",
        errors: ["Wrong"],
        children: h("input", { name: "code", "aria-describedby": "code-help" }),
      }),
    );
    expect(attributes(html, "input")["aria-describedby"]).toBe("code-help code-error");
  });

  it("shows the enclosing form's failure for its field, and only its own", () => {
    const html = renderToStaticMarkup(
      h(FormErrorsProvider, {
        errors: { email: ["Already a user"] },
        children: [
          h(FormField, { key: "e", label: "E-mail", name: "email", children: h("input", { name: "email" }) }),
          h(FormField, { key: "n", label: "Name", name: "name", children: h("input", { name: "name" }) }),
        ],
      }),
    );
    const [email, name] = html.split('data-field="name"');
    expect(attributes(email!, "input")).toMatchObject({
      id: "email",
      "aria-invalid": "true",
      "aria-describedby": "email-error",
    });
    expect(attributes(name!, "input")).toEqual({ id: "name", name: "name" });
    expect(email).toContain("Already a user");
  });
});

describe("FieldSet", () => {
  it("names the group by its legend and ties the error to the group", () => {
    const html = renderToStaticMarkup(
      h(FieldSet, {
        legend: "Examination",
        name: "appointmentType",
        errors: ["Choose one"],
        children: h("input", { type: "radio", name: "appointmentType", value: "telehealth" }),
      }),
    );
    const fieldset = attributes(html, "fieldset");
    expect(fieldset["aria-invalid"]).toBe("true");
    expect(fieldset["aria-describedby"]).toBe("appointmentType-error");
    expect(html).toContain("<legend");
    expect(html).toMatch(/<p id="appointmentType-error"[^>]*>Choose one<\/p>/);
  });
});

describe("FormErrorSummary", () => {
  it("says nothing without an error", () => {
    expect(renderToStaticMarkup(h(FormErrorSummary, { error: null }))).toBe("");
  });

  it("announces the error and links each field's message to the field", () => {
    const html = renderToStaticMarkup(
      h(FormErrorSummary, {
        error: "Please correct the highlighted fields.",
        fieldErrors: { email: ["Enter an e-mail address"], name: undefined },
        labels: { email: "E-mail" },
      }),
    );
    expect(attributes(html, "div").role).toBe("alert");
    expect(html).toContain(
      '<a href="#email" class="inline-block py-1 underline">E-mail: Enter an e-mail address</a>',
    );
    expect(html).not.toContain("#name");
  });
});
