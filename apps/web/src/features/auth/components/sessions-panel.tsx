import { Button } from '../../../components/ui/button';
import { Section } from '../../../components/ui/card';
import { useMe, useSignOut } from '../api/use-auth';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** This session's lifetime and "sign out everywhere". */
export function SessionsPanel({ onSignedOut }: { onSignedOut: () => void }) {
  const me = useMe();
  const signOutEverywhere = useSignOut({ everywhere: true, onDone: onSignedOut });
  const session = me.data?.session;
  return (
    <Section
      title="Sessions"
      description="Sessions end after 30 days without use and 90 days after sign-in at the latest."
    >
      {session && (
        <p className="text-sm text-slate-600">
          This session started {dateTime.format(session.createdAt)} and ends by{' '}
          {dateTime.format(session.expiresAt)} unless used.
        </p>
      )}
      <div>
        <Button
          onClick={() => {
            if (window.confirm('Sign out on every device? API tokens keep working.')) {
              signOutEverywhere.mutate();
            }
          }}
          disabled={signOutEverywhere.isPending}
        >
          Sign out everywhere
        </Button>
      </div>
    </Section>
  );
}
