import "server-only";
import { dictionary } from "@zxcvbn-ts/language-common";
import { vm } from "@/lib/i18n/validation";

// The 49,000 most common passwords of the breach corpora (zxcvbn's list), lower-cased.
const common = new Set(dictionary["passwords-common"]);

/** The password without the digits and symbols around it ("password2026!" → "password"), by a loop: an end-anchored regex is quadratic. */
function stripNonLetters(s: string): string {
  const letter = (c: string | undefined) => c !== undefined && ((c >= "a" && c <= "z") || (c >= "A" && c <= "Z"));
  let start = 0;
  let end = s.length;
  while (start < end && !letter(s[start])) start++;
  while (end > start && !letter(s[end - 1])) end--;
  return s.slice(start, end);
}

/**
 * Why a new password is too easy to guess, or null. On top of the length rule in the form's schema:
 * a common password, a common one with digits or symbols around it ("Password2026!"), one character
 * or a keyboard run repeated, or the person's own e-mail or name in it. Server-side only: the list
 * is too big for the browser.
 */
export function passwordProblem(password: string, person: { email: string; name: string }): string | null {
  const lower = password.toLowerCase();
  const core = stripNonLetters(lower);
  if (common.has(lower) || (core.length >= 4 && common.has(core))) return vm("passwordCommon");
  if (new Set(lower).size <= 3) return vm("passwordRepeats");
  const own = [person.email.split("@")[0] ?? "", ...person.name.toLowerCase().split(/\s+/)].filter((w) => w.length >= 4);
  if (own.some((w) => lower.includes(w.toLowerCase()))) return vm("passwordPersonal");
  return null;
}
