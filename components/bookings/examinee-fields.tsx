import { FormField, fieldControlClass } from "@/components/ui/form-field";

/**
 * The booking form's examinee fields, written by the page on the server: plain named inputs the
 * form reads as FormData and marks through its FormErrorsProvider — their code is not in the
 * page's JavaScript (issue 14's budget).
 */
export function ExamineeFields() {
  return (
    <>
      <FormField label="Examinee full name" name="examineeName">
        <input name="examineeName" autoComplete="off" required className={fieldControlClass} />
      </FormField>
      <FormField
        label="Examinee phone"
        name="examineePhone"
        hint="US numbers as you like; others with +country code."
      >
        <input name="examineePhone" type="tel" required className={fieldControlClass} />
      </FormField>
      <FormField
        label="Examinee e-mail (optional)"
        name="examineeEmail"
        hint="Without it, the calendar's confirmation comes to you."
      >
        <input name="examineeEmail" type="email" className={fieldControlClass} />
      </FormField>
    </>
  );
}

/** The booking form's note to the specialist, written on the server as ExamineeFields are. */
export function NotesField() {
  return (
    <FormField label="Notes for the specialist (optional)" name="notes">
      <textarea name="notes" rows={3} className={fieldControlClass} />
    </FormField>
  );
}
