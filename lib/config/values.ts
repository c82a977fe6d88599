import cronParser from "cron-parser";
import { z } from "zod";
import { isValidTimeZone } from "@/lib/time/zoned";

/**
 * The shapes environment variables come in. Each turns the raw string into the typed value
 * code reads, with a message that says what a valid value looks like (never echoing the value:
 * it may be a secret).
 */

export const wholeNumber = (options: { min: number; max?: number }) => {
  const range = options.max === undefined ? `${options.min} or more` : `${options.min}–${options.max}`;
  const error = `must be a whole number, ${range}`;
  return z
    .string()
    .regex(/^\d+$/, error)
    .transform(Number)
    .pipe(
      options.max === undefined
        ? z.number().int().min(options.min, error)
        : z.number().int().min(options.min, error).max(options.max, error),
    );
};

export const portNumber = () => wholeNumber({ min: 0, max: 65535 });

export const httpUrl = () =>
  z
    .url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" })
    .transform((url) => url.replace(/\/+$/, ""));

/** A URL whose scheme is one of `protocols` (postgres://, smtp://). Parsed with WHATWG URL like the drivers do. */
export const urlWithScheme = (protocols: string[]) => {
  const error = `must be a ${protocols.map((p) => `${p}://`).join(" or ")} URL`;
  return z.string().refine((value) => {
    try {
      return protocols.includes(new URL(value).protocol.replace(/:$/, ""));
    } catch {
      return false;
    }
  }, error);
};

const ON = ["on", "true", "1"];
const OFF = ["off", "false", "0"];
/** on/off (also true/false, 1/0) as a boolean. */
export const onOff = () =>
  z
    .string()
    .transform((value) => value.toLowerCase())
    .refine((value) => ON.includes(value) || OFF.includes(value), 'must be "on" or "off"')
    .transform((value) => ON.includes(value));

/** A comma-separated list as an array of its non-empty, trimmed entries. */
export const commaList = (item: z.ZodType<string, string> = z.string()) =>
  z
    .string()
    .transform((value) =>
      value
        .split(",")
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item));

/** An IANA time zone Intl knows (e.g. America/New_York). */
export const ianaTimeZone = () =>
  z.string().refine(isValidTimeZone, "must be an IANA time zone, e.g. America/New_York");

const parsesAsCron = (value: string): boolean => {
  try {
    cronParser.parseExpression(value);
    return true;
  } catch {
    return false;
  }
};

/** Five cron fields (minute hour day month weekday), each one cron-parser can read. */
export const cronExpression = (example: string) =>
  z
    .string()
    .regex(/^\S+(\s+\S+){4}$/, `must be a cron expression of five fields, e.g. ${example}`)
    .refine(parsesAsCron, `must be a cron expression of five fields, e.g. ${example}`);
