import { isSignInFailureCode, SIGN_IN_FAILURE_MESSAGES } from '@botsmith/shared';
import { Card } from '../../../components/ui/card';
import { useSignInOptions } from '../api/use-auth';
import { ScopeList } from './scope-list';
import { SignInButton } from './sign-in-button';

/** `/sign-in`: why Botsmith asks for each GitHub permission, and the button to go ahead. */
export function SignInPage({ redirect, error }: { redirect: string; error: string | null }) {
  const options = useSignInOptions();
  const failure = isSignInFailureCode(error) ? SIGN_IN_FAILURE_MESSAGES[error] : null;
  return (
    <div className="mx-auto grid max-w-2xl gap-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Sign in</h1>
        <p className="mt-1 text-slate-600">
          Signing in lets Botsmith create the bot’s repository on your GitHub account, push the
          generated files, store secrets and follow the first workflow run.
        </p>
      </header>
      {failure && (
        <p role="alert" className="rounded-lg bg-red-50 px-4 py-3 text-sm font-medium text-red-800">
          Sign-in failed: {failure}
        </p>
      )}
      {options.data?.emulator && (
        <p className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          This server signs in through the <strong>local GitHub emulator</strong> at{' '}
          <code>{options.data.githubUrl}</code>, not github.com: no real account or repository is
          involved. Production servers use a real GitHub OAuth app.
        </p>
      )}
      <Card className="grid gap-4 p-5">
        <h2 className="font-semibold">Permissions GitHub will ask you to grant</h2>
        <ScopeList />
        <p className="text-xs text-slate-500">
          Your GitHub token is stored encrypted (AES-256-GCM) and used only for what you start here.
          Sign out to end your session; revoke access any time in GitHub’s settings.
        </p>
        <div>
          <SignInButton redirect={redirect} />
        </div>
      </Card>
    </div>
  );
}
