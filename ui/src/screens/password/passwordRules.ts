/** The shortest password the team database accepts (the store's `set_my_password`). */
export const MIN_PASSWORD_LENGTH = 10;

/** The translation key of what is wrong with a new password and its repetition, or null. */
export function passwordProblem(password: string, repeated: string): { field: 'password' | 'repeated'; key: string } | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return { field: 'password', key: 'password.tooShort' };
  if (password !== repeated) return { field: 'repeated', key: 'password.mismatch' };
  return null;
}
