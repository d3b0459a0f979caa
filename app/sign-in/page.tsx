import type { Metadata } from "next";
import { getWriteLockStatus } from "@/lib/server/auth/session";
import { safeInSitePath } from "@/lib/server/auth/safe-path";
import styles from "./sign-in.module.css";
import { Button } from "@/app/ui/button";
import { Alert } from "@/app/ui/alert";

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
              <Button type="submit">Sign out</Button>
            </form>
          </>
        ) : (
          <>
            <p className="muted">This team server is write-protected. Anyone can browse; enter the team token to create and change runs.</p>
            {error && (
              <Alert tone="error" role="alert" id="token-error">
                That token is not valid.
              </Alert>
            )}
            <form method="post" action="/api/session" className={styles.form}>
              <input type="hidden" name="next" value={nextPath} />
              <label htmlFor="token">Team token</label>
              <input id="token" name="token" type="password" autoComplete="current-password" required aria-invalid={error ? true : undefined} aria-describedby={error ? "token-error" : undefined} />
              <Button type="submit" variant="primary">
                Sign in
              </Button>
            </form>
          </>
        )}
      </div>
    </div>
  );
}
