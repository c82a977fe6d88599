/**
 * Field names whose values never reach the log, wherever they sit in a logged object (top level
 * or up to three levels down, arrays included): pino replaces them with "[redacted]". This list,
 * not the care of whoever writes a log call, is what keeps personal data and secrets out.
 */
export const REDACTED_KEYS = [
  // Examinees (the portal's names for them, and Acuity's)
  "examinee",
  "examineeName",
  "examineePhone",
  "examineeEmail",
  "examinee_name",
  "examinee_phone",
  "examinee_email",
  "firstName",
  "lastName",
  "first_name",
  "last_name",
  "email",
  "phone",
  // Credentials and sessions
  "password",
  "newPassword",
  "currentPassword",
  "token",
  "secret",
  "apiKey",
  "authorization",
  "cookie",
  "cookies",
  "set-cookie",
  // Presigned URLs (anyone holding one can read or write the object) and links carrying tokens
  "url",
  "urls",
  "uploadUrl",
  "downloadUrl",
  "partUrls",
  "signedUrl",
  "acceptUrl",
  "invitationAcceptUrl",
  // Connection strings with passwords
  "databaseUrl",
  "connectionString",
  "smtpUrl",
] as const;

const DEPTH = 3;

const segment = (key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`);
const join = (prefix: string, key: string) => {
  const part = segment(key);
  return prefix === "" ? part : part.startsWith("[") ? `${prefix}${part}` : `${prefix}.${part}`;
};

/** pino `redact` paths: each key at the top level and under one to DEPTH wildcard levels. */
export function redactPaths(keys: readonly string[] = REDACTED_KEYS, depth = DEPTH): string[] {
  const paths: string[] = [];
  for (let level = 0; level <= depth; level += 1) {
    const prefix = Array.from({ length: level }, () => "*").join(".");
    for (const key of keys) paths.push(join(prefix, key));
  }
  return paths;
}
