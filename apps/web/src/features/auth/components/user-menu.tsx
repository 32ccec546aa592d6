import { Button } from '../../../components/ui/button';
import { cn } from '../../../components/ui/cn';
import { Link } from '../../../lib/router';
import { useMe, useSignOut } from '../api/use-auth';

/** Avatar, login, the account link and sign-out; or a sign-in link when signed out. */
export function UserMenu({
  currentPath,
  onSignedOut,
}: {
  currentPath: string;
  onSignedOut: () => void;
}) {
  const me = useMe();
  const signOut = useSignOut({ onDone: onSignedOut });
  if (me.isPending) return <span className="text-sm text-slate-400">…</span>;
  const user = me.data?.user;
  if (!user) {
    return (
      <Link
        to={`/sign-in?redirect=${encodeURIComponent(currentPath)}`}
        className="rounded-lg px-3 py-2 text-sm font-medium text-indigo-700 hover:bg-indigo-50"
      >
        Sign in
      </Link>
    );
  }
  return (
    <div className="flex items-center gap-3">
      <Link
        to="/dashboard"
        className="rounded-lg px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100"
      >
        Dashboard
      </Link>
      <Link
        to="/account"
        className="flex items-center gap-2 rounded-lg px-2 py-1 hover:bg-slate-100"
      >
        {user.avatarUrl ? (
          <img
            src={user.avatarUrl}
            alt={`Avatar of ${user.login}`}
            className="size-8 rounded-full"
          />
        ) : null}
        {/* On a phone the avatar stands for the login, which stays for screen readers. */}
        <span
          className={cn('text-sm font-medium', user.avatarUrl && 'sr-only sm:not-sr-only')}
          data-testid="signed-in-login"
        >
          {user.login}
        </span>
      </Link>
      <Button
        size="sm"
        variant="ghost"
        onClick={() => signOut.mutate()}
        disabled={signOut.isPending}
      >
        Sign out
      </Button>
    </div>
  );
}
