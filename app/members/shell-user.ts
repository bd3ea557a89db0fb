/** What every page's header needs about the signed-in member. */
export interface ShellUser {
  displayName: string;
  isAdmin: boolean;
  isModerator: boolean;
  /** Unread notifications, up to 100 ("99+" beyond). */
  unread: number;
}
