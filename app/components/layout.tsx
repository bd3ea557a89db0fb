import { Link, NavLink, useLocation } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import type { ShellUser } from "~/members/shell-user";
import type { Flash } from "~/utils/flash.server";

/**
 * The page header. On a wide screen: a slim service bar with the account links, then one row with
 * the logo, the main navigation and "Get help now". On a phone: the logo, "Get help now" (always in
 * sight: it is the safeguarding link) and a Menu disclosure holding both navigations. The two
 * layouts share their links; CSS shows one, so a screen reader meets each link once. The menu is a
 * <details> element, so it opens without JavaScript.
 */
export function SiteHeader({ user }: { user: ShellUser | null }) {
  return (
    <header className="site-header">
      <div className="service-bar">
        <div className="service-bar__inner">
          <AccountNav user={user} />
        </div>
      </div>
      <div className="site-header__inner">
        <Link to="/" className="site-header__brand">
          <span aria-hidden="true" className="site-header__mark">
            ◗
          </span>{" "}
          Chorus
        </Link>
        <MainNav className="site-nav--wide" />
        <Link to="/get-help" className="help-link help-link--header">
          Get help now
        </Link>
        <SiteMenu user={user} />
      </div>
    </header>
  );
}

function MainNav({ className = "" }: { className?: string }) {
  return (
    <nav aria-label="Main" className={`site-nav ${className}`}>
      <ul className="site-nav__list">
        <li>
          <NavLink to="/demands">Demands</NavLink>
        </li>
        <li>
          <NavLink to="/campaigns">Campaigns</NavLink>
        </li>
        <li>
          <NavLink to="/events">Events</NavLink>
        </li>
        <li>
          <NavLink to="/stories">Stories</NavLink>
        </li>
        <li>
          <NavLink to="/organisations">Organisations</NavLink>
        </li>
      </ul>
    </nav>
  );
}

function AccountNav({ user }: { user: ShellUser | null }) {
  return (
    <nav aria-label="Your account" className="account-nav">
      <ul className="account-nav__list">
        {user ? (
          <>
            <li>
              <NavLink to="/notifications">
                Notifications
                <UnreadCount unread={user.unread} />
              </NavLink>
            </li>
            <li>
              {/* The name says who is signed in; the hidden words say where the link goes. */}
              <NavLink to="/settings">
                <span className="account-nav__name">{user.displayName}</span>
                <span className="visually-hidden">: your settings</span>
              </NavLink>
            </li>
            {user.isAdmin ? (
              <li>
                <NavLink to="/admin">Admin</NavLink>
              </li>
            ) : user.isModerator ? (
              <li>
                <NavLink to="/admin/moderation">Moderation</NavLink>
              </li>
            ) : null}
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
  );
}

/** "6 unread" to a screen reader, a red "6" to the eye. */
function UnreadCount({ unread }: { unread: number }) {
  if (!unread) return null;
  return (
    <span className="count-badge">
      {" "}
      {unread > 99 ? "99+" : unread}
      <span className="visually-hidden"> unread</span>
    </span>
  );
}

/**
 * The phone's menu. Without JavaScript it opens and closes like any <details>; with it, Escape
 * closes it (focus back on the button), as does following a link or pressing outside it.
 */
function SiteMenu({ user }: { user: ShellUser | null }) {
  const ref = useRef<HTMLDetailsElement>(null);
  const location = useLocation();
  useEffect(() => {
    ref.current?.removeAttribute("open");
  }, [location]);
  useEffect(() => {
    const closeOutside = (event: PointerEvent) => {
      const menu = ref.current;
      if (menu?.open && event.target instanceof Node && !menu.contains(event.target)) menu.removeAttribute("open");
    };
    const closeOnEscape = (event: globalThis.KeyboardEvent) => {
      const menu = ref.current;
      if (event.key !== "Escape" || !menu?.open) return;
      const focusInside = menu.contains(document.activeElement);
      menu.removeAttribute("open");
      if (focusInside) menu.querySelector("summary")?.focus();
    };
    document.addEventListener("pointerdown", closeOutside);
    document.addEventListener("keydown", closeOnEscape);
    return () => {
      document.removeEventListener("pointerdown", closeOutside);
      document.removeEventListener("keydown", closeOnEscape);
    };
  }, []);
  const unread = user?.unread ?? 0;
  return (
    <details className="site-menu" ref={ref}>
      <summary className="site-menu__button">
        <span className="site-menu__icon" aria-hidden="true" />
        Menu
        {unread ? (
          <>
            <span className="count-badge site-menu__badge" aria-hidden="true">
              {unread > 99 ? "99+" : unread}
            </span>
            <span className="visually-hidden"> ({unread > 99 ? "more than 99" : unread} unread notifications)</span>
          </>
        ) : null}
      </summary>
      <div className="site-menu__panel">
        <MainNav />
        <AccountNav user={user} />
      </div>
    </details>
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
            <Link to="/accountability">Accountability: what decision makers promised</Link>
          </li>
          <li>
            <Link to="/decision-makers">Decision makers</Link>
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
      {flash.link ? (
        <>
          {" "}
          <a href={flash.link.to}>{flash.link.label}</a>
        </>
      ) : null}
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
