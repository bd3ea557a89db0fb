import { Link, NavLink } from "@remix-run/react";
import type { ReactNode } from "react";
import type { ShellUser } from "~/members/shell-user";
import type { Flash } from "~/utils/flash.server";


export function SiteHeader({ user }: { user: ShellUser | null }) {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to="/" className="site-header__brand">
          <span aria-hidden="true" className="site-header__mark">
            ◗
          </span>{" "}
          Chorus
        </Link>
        <nav aria-label="Main" className="site-nav">
          <ul className="site-nav__list">
            <li>
              <NavLink to="/demands">Demands</NavLink>
            </li>
            <li>
              <NavLink to="/campaigns">Campaigns</NavLink>
            </li>
            <li>
              <NavLink to="/organisations">Organisations</NavLink>
            </li>
            {user?.isAdmin || user?.isModerator ? (
              <li>
                <NavLink to="/admin">Admin</NavLink>
              </li>
            ) : null}
            {user ? (
              <>
                <li>
                  <NavLink to="/notifications">
                    Notifications
                    {user.unread ? (
                      <span className="count-badge">
                        {" "}
                        {user.unread > 99 ? "99+" : user.unread}
                        <span className="visually-hidden"> unread</span>
                      </span>
                    ) : null}
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/settings">{user.displayName}</NavLink>
                </li>
                <li>
                  <form method="post" action="/sign-out">
                    <button type="submit" className="link-button">
                      Sign out
                    </button>
                  </form>
                </li>
              </>
            ) : (
              <>
                <li>
                  <NavLink to="/sign-in">Sign in</NavLink>
                </li>
                <li>
                  <NavLink to="/join">Join</NavLink>
                </li>
              </>
            )}
          </ul>
        </nav>
        <Link to="/get-help" className="help-link">
          Get help now
        </Link>
      </div>
    </header>
  );
}

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <p>
          <Link to="/get-help" className="help-link help-link--footer">
            Get help now
          </Link>{" "}
          if you are struggling or in crisis.
        </p>
        <ul className="site-footer__links">
          <li>
            <Link to="/about">About Chorus</Link>
          </li>
          <li>
            <Link to="/privacy">Privacy</Link>
          </li>
          <li>
            <Link to="/terms">Terms of membership</Link>
          </li>
          <li>
            <Link to="/guidelines">Community guidelines</Link>
          </li>
        </ul>
        <p className="site-footer__small">
          Chorus is where a coalition for social approaches to mental health decides together. Nothing about us without us.
        </p>
      </div>
    </footer>
  );
}

export function FlashMessage({ flash }: { flash: Flash | null }) {
  if (!flash) return null;
  return (
    <div className={`flash flash--${flash.kind}`} role={flash.kind === "error" ? "alert" : "status"}>
      {flash.message}
    </div>
  );
}

export function PageHeading({ children, lead }: { children: ReactNode; lead?: ReactNode }) {
  return (
    <div className="page-heading">
      <h1>{children}</h1>
      {lead ? <p className="lead">{lead}</p> : null}
    </div>
  );
}
