import type { Metadata } from "next";
import { getWriteLockStatus } from "@/lib/auth/session";
import { safeInSitePath } from "@/lib/auth/safe-path";
import styles from "./sign-in.module.css";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ error?: string; next?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { error, next } = await searchParams;
  const access = await getWriteLockStatus();
  const nextPath = safeInSitePath(next);
  return (
    <div className="page">
      <div className={`card ${styles.card}`}>
        <h1>Sign in</h1>
        {!access.locked ? (
          <p className="muted">This server is open: anyone can create and change runs, no sign-in needed.</p>
        ) : access.canWrite ? (
          <>
            <p className="muted">You are signed in and can create and change runs.</p>
            <form method="post" action="/api/session">
              <input type="hidden" name="_action" value="sign-out" />
              <input type="hidden" name="next" value="/" />
              <button type="submit" className="button">
                Sign out
              </button>
            </form>
          </>
        ) : (
          <>
            <p className="muted">This team server is write-protected. Anyone can browse; enter the team token to create and change runs.</p>
            {error && (
              <p className="alert alert-error" role="alert" id="token-error">
                That token is not valid.
              </p>
            )}
            <form method="post" action="/api/session" className={styles.form}>
              <input type="hidden" name="next" value={nextPath} />
              <label htmlFor="token">Team token</label>
              <input
                id="token"
                name="token"
                type="password"
                autoComplete="current-password"
                required
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? "token-error" : undefined}
              />
              <button type="submit" className="button button-primary">
                Sign in
              </button>
            </form>
          </>
        )}
      </div>
    </div>
  );
}
