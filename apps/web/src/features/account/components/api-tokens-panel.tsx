import { TRPCClientError } from '@trpc/client';
import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { Section } from '../../../components/ui/card';
import { formatDate } from '../../../lib/format-date';
import { useApiTokens } from '../api/use-api-tokens';
import { CreatedToken } from './created-token';
import { NewTokenForm } from './new-token-form';

/** Create, list and revoke personal API tokens for the SDK. */
export function ApiTokensPanel() {
  const { list, create, revoke } = useApiTokens();
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const serverError = create.error instanceof TRPCClientError ? create.error.message : null;

  return (
    <Section
      title="API tokens"
      description="Personal tokens let scripts call the Botsmith API as you (the typed SDK). They are stored hashed; revoke any you no longer use."
    >
      <NewTokenForm
        pending={create.isPending}
        serverError={serverError}
        onCreate={(input) =>
          create.mutate(input, {
            onSuccess: (result) => setCreated({ name: result.apiToken.name, token: result.token }),
          })
        }
      />
      {created && <CreatedToken {...created} onDismiss={() => setCreated(null)} />}
      {list.data && list.data.length === 0 && (
        <p className="text-sm text-slate-500">No tokens yet.</p>
      )}
      {list.data && list.data.length > 0 && (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" aria-label="Your API tokens">
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                <th className="py-2 pr-4 font-medium">Name</th>
                <th className="py-2 pr-4 font-medium">Created</th>
                <th className="py-2 pr-4 font-medium">Last used</th>
                <th className="py-2 pr-4 font-medium">Expires</th>
                <th className="py-2" />
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {list.data.map((token) => (
                <tr key={token.id}>
                  <td className="py-2 pr-4 font-medium">{token.name}</td>
                  <td className="py-2 pr-4">{formatDate(token.createdAt)}</td>
                  <td className="py-2 pr-4">{formatDate(token.lastUsedAt)}</td>
                  <td className="py-2 pr-4">{formatDate(token.expiresAt)}</td>
                  <td className="py-2 text-right">
                    <Button
                      size="sm"
                      variant="ghost"
                      aria-label={`Revoke ${token.name}`}
                      disabled={revoke.isPending}
                      onClick={() => {
                        if (
                          window.confirm(
                            `Revoke “${token.name}”? Scripts using it stop working at once.`,
                          )
                        ) {
                          revoke.mutate({ id: token.id });
                        }
                      }}
                    >
                      Revoke
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}
