import { fail, ok, type Result } from "../result.js";

// Pragmatic, not RFC 5322: one "@", no spaces, a dotted domain with a 2+ letter ending.
// Full RFC syntax accepts addresses no mail service hands out and rejects nothing people mistype.
const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)*\.[^\s@.]{2,}$/u;
const MAX_LENGTH = 254;

/** A trimmed, lowercased address, "mailto:" links included. */
export function parseEmail(input: string): Result<string, "email-invalid"> {
  const email = input.trim().replace(/^mailto:/i, "").toLowerCase();
  if (email.length > MAX_LENGTH || !EMAIL.test(email)) return fail("email-invalid");
  return ok(email);
}
