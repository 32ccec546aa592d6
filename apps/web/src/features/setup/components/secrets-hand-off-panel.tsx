import { useEffect, useRef, useState } from 'react';
import { Button } from '../../../components/ui/button';
import { Section } from '../../../components/ui/card';
import { controlClass, Field } from '../../../components/ui/field';
import { sealSecrets } from '../../../lib/seal-secrets';
import { type SetupSnapshot, useSetupActions } from '../api/use-setup';
import {
  clearRuntimeValues,
  getRuntimeValues,
  valuesToSeal,
  valuesWereOffered,
} from '../state/runtime-values';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The `github:secrets:store` step waits for the browser: the secret values typed on step 7 are
 * sealed here with the `production` environment's public key and handed over as ciphertext.
 * After a reload the values are gone, so the user types them again or skips.
 */
export function SecretsHandOffPanel({
  snapshot,
  secrets,
  onDone,
}: {
  snapshot: SetupSnapshot;
  secrets: { keyId: string; key: string; names: string[] };
  onDone: (next: SetupSnapshot | null | undefined) => void;
}) {
  const { provideSecrets } = useSetupActions();
  const [typed, setTyped] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const sent = useRef<string | null>(null);

  const send = async (values: Readonly<Record<string, string>>) => {
    setError(null);
    try {
      const sealed = await sealSecrets(secrets.key, valuesToSeal(secrets.names, values));
      const next = await provideSecrets.mutateAsync({
        runId: snapshot.runId,
        keyId: secrets.keyId,
        secrets: sealed,
      });
      clearRuntimeValues();
      onDone(next);
    } catch (cause) {
      sent.current = null;
      setError(messageOf(cause));
    }
  };

  const remembered = valuesToSeal(secrets.names, getRuntimeValues());
  // Typed (or deliberately left empty) on step 7 in this tab: send without asking again.
  const automatic = valuesWereOffered() || remembered.length > 0;
  const sendRef = useRef(send);
  sendRef.current = send;

  // Values still in memory from step 7: seal and send them once, without asking.
  useEffect(() => {
    if (!automatic || sent.current === secrets.keyId) return;
    sent.current = secrets.keyId;
    void sendRef.current(getRuntimeValues());
  }, [automatic, secrets.keyId]);

  if (automatic && !error) {
    return (
      <p className="text-sm text-slate-600" role="status">
        Encrypting {remembered.length === 1 ? 'the secret' : `${remembered.length} secrets`} in your
        browser…
      </p>
    );
  }

  return (
    <Section
      title="Secrets needed"
      description="The values typed earlier are no longer in this tab (they are never stored). Type them again to encrypt them in your browser, or skip and add them later on the project's secrets page."
    >
      {error && (
        <p role="alert" className="text-sm font-medium text-red-700">
          The secrets were not stored: {error}
        </p>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        {secrets.names.map((name) => (
          <Field key={name} label={<code>{name}</code>}>
            {(props) => (
              <input
                {...props}
                type="password"
                autoComplete="off"
                className={controlClass}
                value={typed[name] ?? ''}
                onChange={(event) =>
                  setTyped((value) => ({ ...value, [name]: event.target.value }))
                }
              />
            )}
          </Field>
        ))}
      </div>
      <div className="flex flex-wrap gap-3">
        <Button
          variant="primary"
          disabled={provideSecrets.isPending}
          onClick={() => void send(typed)}
        >
          Encrypt and store
        </Button>
        <Button disabled={provideSecrets.isPending} onClick={() => void send({})}>
          Skip secrets
        </Button>
      </div>
    </Section>
  );
}
