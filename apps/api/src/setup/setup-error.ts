/**
 * A permanent setup failure that is not GitHub's (no token, an invalid stored config): the
 * run fails with this message, shown to the user as it is.
 */
export class SetupError extends Error {
  override readonly name = 'SetupError';
}
