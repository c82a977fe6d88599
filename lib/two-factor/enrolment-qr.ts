import QRCode from "qrcode";

/** What the enrolment screen shows for an authenticator app: the QR code and the secret to type. */
export interface EnrolmentKey {
  /** An SVG document of the QR code (black on white, no scripts, no style attributes). */
  qrSvg: string;
  /** The base32 secret in groups of four, for typing into an app by hand. */
  secretForTyping: string;
}

const TOTP_URI = /^otpauth:\/\/totp\/[^?]{1,200}\?[\x21-\x7e]{1,300}$/;

/**
 * Renders the `otpauth://` address better-auth's enable step returned. Rendered on the server so
 * no QR library ships to the browser; the address is checked to be a TOTP one so nothing else
 * is ever drawn.
 */
export async function enrolmentKeyFor(totpUri: string): Promise<EnrolmentKey | null> {
  if (!TOTP_URI.test(totpUri)) return null;
  const secret = new URL(totpUri).searchParams.get("secret");
  if (!secret || !/^[A-Z2-7]+=*$/i.test(secret)) return null;
  const qrSvg = await QRCode.toString(totpUri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return {
    qrSvg,
    secretForTyping: secret
      .replace(/=+$/, "")
      .match(/.{1,4}/g)!
      .join(" "),
  };
}
