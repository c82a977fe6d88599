/**
 * "Not among the most common passwords": the 49,000-odd entries of zxcvbn's kept, offline list
 * (`@zxcvbn-ts/language-common`, `passwords-common`), compared case-insensitively. Server-only:
 * the list is imported on the first check and kept in a Set, so no page bundle carries it and no
 * request pays for it before a password is actually set.
 */
import { UserFacingError } from "@/lib/actions/errors";
import { COMMON_PASSWORD_MESSAGE, MIN_PASSWORD_LENGTH, PASSWORD_TOO_SHORT_MESSAGE } from "./password-policy";

let commonPasswords: Promise<Set<string>> | undefined;

function loadCommonPasswords(): Promise<Set<string>> {
  commonPasswords ??= import("@zxcvbn-ts/language-common").then((module) => {
    // The bundled commands (scripts/build-server.mjs: admin:create in the image) get the package's
    // CommonJS build, whose exports arrive as `default`; tsx and Next get the named export.
    const loaded = module as Partial<typeof module> & { default?: typeof module };
    const dictionary = loaded.dictionary ?? loaded.default?.dictionary;
    if (!dictionary) throw new Error("@zxcvbn-ts/language-common has no dictionary export");
    return new Set(dictionary["passwords-common"].map((entry) => entry.toLowerCase()));
  });
  return commonPasswords;
}

export async function isCommonPassword(password: string): Promise<boolean> {
  return (await loadCommonPasswords()).has(password.toLowerCase());
}

/** What is wrong with a new password, in words for the person choosing it; null when it is fine. */
export async function newPasswordProblem(password: string): Promise<string | null> {
  if (password.length < MIN_PASSWORD_LENGTH) return PASSWORD_TOO_SHORT_MESSAGE;
  return (await isCommonPassword(password)) ? COMMON_PASSWORD_MESSAGE : null;
}

/** For actions: refuses a common password with the message next to the form's field. */
export async function assertUncommonPassword(password: string, field: string): Promise<void> {
  if (await isCommonPassword(password))
    throw new UserFacingError("invalid_input", "Please choose another password.", {
      [field]: [COMMON_PASSWORD_MESSAGE],
    });
}
