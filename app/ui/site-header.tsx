import Link from "next/link";
import { getWriteLockStatus } from "@/lib/server/auth/session";
import { NavLinks } from "./nav-links";
import styles from "./site-header.module.css";

export async function SiteHeader() {
  const access = await getWriteLockStatus();
  return (
    <header className={styles.header}>
      <div className={styles.inner}>
        <Link href="/" className={styles.brand}>
          <svg aria-hidden="true" width="22" height="22" viewBox="0 0 24 24">
            <path d="M3 18 L8 11 L12 14 L16 6 L21 9" fill="none" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" strokeLinejoin="round" />
            <circle cx="16" cy="6" r="2.4" fill="currentColor" />
          </svg>
          Epoch Lab
        </Link>
        <nav aria-label="Main">
          <NavLinks />
        </nav>
        {access.locked && (
          <Link href="/sign-in" className={styles.session}>
            {access.canWrite ? "Signed in" : "Sign in to edit"}
          </Link>
        )}
      </div>
    </header>
  );
}
