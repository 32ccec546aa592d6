import { Button } from '../../../components/ui/button';
import { CopyButton } from '../../../components/ui/copy-button';

/** The new token, shown once: only its hash is stored, so it cannot be shown again. */
export function CreatedToken({
  name,
  token,
  onDismiss,
}: {
  name: string;
  token: string;
  onDismiss: () => void;
}) {
  return (
    <section
      aria-label="New API token"
      className="grid gap-2 rounded-lg border border-emerald-200 bg-emerald-50 p-4 text-emerald-950"
    >
      <p className="text-sm font-medium">
        Copy the token “{name}” now. You will not be able to see it again.
      </p>
      <div className="flex flex-wrap gap-2">
        <input
          readOnly
          aria-label="API token"
          value={token}
          onFocus={(event) => event.target.select()}
          className="min-w-0 flex-1 rounded-lg border border-emerald-300 bg-white px-3 py-2 font-mono text-xs"
        />
        <CopyButton
          text={token}
          copied="Token copied"
          byHand="Select the token and copy it by hand."
        />
        <Button variant="ghost" onClick={onDismiss}>
          Done
        </Button>
      </div>
      <p className="text-xs">
        Use it from scripts:{' '}
        <code>
          createBotsmithClient({'{'} url, token {'}'})
        </code>{' '}
        sends it as <code>Authorization: Bearer</code>.
      </p>
    </section>
  );
}
