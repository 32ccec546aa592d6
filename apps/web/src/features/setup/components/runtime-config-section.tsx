import { groupLedger, type LedgerEntry, ledgerValueProblem } from '@botsmith/shared';
import { LedgerEntryHint, LedgerEntryLabel } from '../../../components/ledger/ledger-entry-text';
import { MissingSummary } from '../../../components/ledger/missing-summary';
import { Section } from '../../../components/ui/card';
import { controlClass, Field } from '../../../components/ui/field';
import { missingByGroup } from '../../../lib/runtime-ledger';
import { type ProvidedValues, providedNames, setRuntimeValue } from '../state/runtime-values';

/** What is wrong with a typed plain value, as the preflight would say it. */
function formatErrors(entry: LedgerEntry, value: string | undefined): string[] {
  const problem = entry.secret || !value ? null : ledgerValueProblem(entry, value);
  return problem ? [problem] : [];
}

/**
 * Step 7's values: every name of the runtime ledger, grouped by what needs it, with the
 * required names still empty summed up above. Secrets are password fields whose values stay
 * in memory; plain values are sent with the start.
 */
export function RuntimeConfigSection({
  ledger,
  values,
  provided,
}: {
  ledger: readonly LedgerEntry[];
  values: Readonly<Record<string, string>>;
  provided: ProvidedValues;
}) {
  return (
    <Section
      title="Runtime configuration"
      description="What the bot and its deploy need. Everything is stored in the repository's production environment on GitHub: secrets encrypted in your browser with the environment's public key (Botsmith never sees them), plain values as Actions variables. Leave one empty to add it later on the project's secrets page."
    >
      {ledger.length === 0 ? (
        <p className="text-sm text-slate-500">This project needs no values.</p>
      ) : (
        <>
          <MissingSummary missing={missingByGroup(ledger, providedNames(provided))} />
          {groupLedger(ledger).map((group) => (
            <fieldset key={`${group.kind}:${group.label}`} className="grid gap-3">
              <legend className="text-sm font-semibold text-slate-900">{group.label}</legend>
              <div className="grid items-start gap-4 sm:grid-cols-2">
                {group.entries.map((entry) => (
                  <Field
                    key={entry.name}
                    label={<LedgerEntryLabel entry={entry} />}
                    hint={<LedgerEntryHint entry={entry} />}
                    errors={formatErrors(entry, values[entry.name])}
                  >
                    {(props) => (
                      <input
                        {...props}
                        type={entry.secret ? 'password' : 'text'}
                        autoComplete="off"
                        spellCheck={false}
                        placeholder={entry.secret ? undefined : entry.example}
                        className={controlClass}
                        value={values[entry.name] ?? ''}
                        onChange={(event) => setRuntimeValue(entry.name, event.target.value)}
                      />
                    )}
                  </Field>
                ))}
              </div>
            </fieldset>
          ))}
        </>
      )}
    </Section>
  );
}
