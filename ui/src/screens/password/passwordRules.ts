/** The translation key of what is wrong with a new password and its repetition, or null. `min`
 * is the core's shortest password (`AppInfo.min_password_chars`). */
export function passwordProblem(
  password: string,
  repeated: string,
  min: number,
): { field: 'password' | 'repeated'; key: string } | null {
  if ([...password].length < min) return { field: 'password', key: 'password.tooShort' };
  if (password !== repeated) return { field: 'repeated', key: 'password.mismatch' };
  return null;
}
