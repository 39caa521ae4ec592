import { readFileSync } from 'node:fs';

/**
 * The password rule for new accounts, after NIST SP 800-63B 5.1.1.2: long enough, not absurdly long, not a known
 * common password, not the username. No composition rules (they make passwords worse, says NIST); a passphrase
 * such as "correct horse battery" is fine.
 */
export const PASSWORD_MIN_CHARS = 8;
/** The login schema's own limit (UTF-16 units), so every password that can be set can also be typed at login. */
export const PASSWORD_MAX_UNITS = 200;

const common = new Set(
  readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((line) => line.trim().toLowerCase())
    .filter((line) => line !== '' && !line.startsWith('#')),
);

/** Why `password` may not be used, as words for the person creating the account (after "password"); or undefined. */
export function passwordProblem(password: string): string | undefined {
  // Counted in characters as a person sees them (NIST: Unicode code points), not UTF-16 units.
  if ([...password].length < PASSWORD_MIN_CHARS) return `must be at least ${PASSWORD_MIN_CHARS} characters`;
  if (password.length > PASSWORD_MAX_UNITS) return `must be at most ${PASSWORD_MAX_UNITS} characters`;
  if (common.has(password.toLowerCase())) return 'is one of the most common passwords: choose another, e.g. a few unrelated words';
  return undefined;
}

/** Ignoring case, as logins match usernames: `Li.Wei` / `li.wei` is as weak as `li.wei` / `li.wei`. */
export function isUsername(password: string, username: string): boolean {
  return password.toLowerCase() === username.trim().toLowerCase();
}
