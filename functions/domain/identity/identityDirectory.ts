/**
 * Which customer key each identifier WhatsApp uses for a person belongs to:
 * their phone number and their business-scoped user id (BSUID) both point to
 * the one key their data is kept under.
 */
export interface IdentityDirectory {
  /** The keys the identifiers are linked to; identifiers never seen are absent. */
  keysOf(identifiers: readonly string[]): Promise<Map<string, string>>;
  link(identifiers: readonly string[], key: string): Promise<void>;
  /** An identifier retired (a changed number may go to someone else): it points nowhere any more. */
  unlink(identifiers: readonly string[]): Promise<void>;
}
