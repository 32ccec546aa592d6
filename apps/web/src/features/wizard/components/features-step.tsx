import {
  AI_PROVIDERS,
  FEATURES,
  type FeatureInfo,
  featureInfo,
  featureUnavailableReason,
  PLATFORMS,
  platformsSupporting,
} from '@botsmith/shared';
import { Section } from '../../../components/ui/card';
import { controlClass, Field, FieldErrors } from '../../../components/ui/field';
import { requiredBy, requirementsOf, toggleFeature } from '../state/config-edits';
import { messagesAt } from '../state/validation';
import { ChoiceCard } from './choice-card';
import { AI_PROVIDER_LABELS } from './labels';
import type { WizardStepProps } from './wizard-step-props';

const platformLabel = (id: string) => PLATFORMS.find((platform) => platform.id === id)?.label ?? id;
const featureLabel = (id: FeatureInfo['id']) => featureInfo(id).label;

export function FeaturesStep({ config, onChange, issues }: WizardStepProps) {
  const errorsFor = (feature: FeatureInfo) => {
    const index = config.features.indexOf(feature.id);
    return index === -1 ? [] : messagesAt(issues, `features.${index}`);
  };

  return (
    <div className="grid gap-6">
      <fieldset>
        <legend className="sr-only">Features</legend>
        <div className="grid gap-3 md:grid-cols-2">
          {FEATURES.map((feature) => {
            const checked = config.features.includes(feature.id);
            const unavailable = featureUnavailableReason(feature.id, config.platforms);
            const supporting = platformsSupporting(feature.id, config.platforms);
            const missingOn = config.platforms.filter((p) => !supporting.includes(p));
            const neededBy = checked ? requiredBy(config.features, feature.id) : [];
            const requires = requirementsOf(feature.id);
            const errors = errorsFor(feature);
            return (
              <ChoiceCard
                key={feature.id}
                title={feature.label}
                description={feature.description}
                checked={checked}
                // A chosen feature stays enabled even when unavailable, so it can be removed.
                disabled={(unavailable !== null && !checked) || neededBy.length > 0}
                tone={errors.length > 0 ? 'error' : 'default'}
                onChange={(on) => onChange((current) => toggleFeature(current, feature.id, on))}
                notes={
                  <>
                    {unavailable ? (
                      <span className="text-amber-700">Unavailable: {unavailable}</span>
                    ) : (
                      missingOn.length > 0 && (
                        <span className="text-amber-700">
                          Not on {missingOn.map(platformLabel).join(', ')}:{' '}
                          {missingOn.map((p) => feature.unsupported[p]).join(' ')}
                        </span>
                      )
                    )}
                    {requires.length > 0 && (
                      <span className="text-slate-500">
                        Needs {requires.map(featureLabel).join(', ')}
                        {checked ? '' : ' (added automatically)'}
                      </span>
                    )}
                    {neededBy.length > 0 && (
                      <span className="text-slate-500">
                        Needed by {neededBy.map(featureLabel).join(', ')}
                      </span>
                    )}
                    {errors.map((error) => (
                      <span key={error} className="font-medium text-red-600">
                        {error}
                      </span>
                    ))}
                  </>
                }
              />
            );
          })}
        </div>
      </fieldset>
      <FieldErrors errors={messagesAt(issues, 'features')} />

      {config.features.includes('ai') && (
        <Section title="AI replies" description="The model behind free-text answers.">
          <Field label="AI provider" errors={messagesAt(issues, 'ai.provider')}>
            {(props) => (
              <select
                {...props}
                className={controlClass}
                value={config.ai.provider}
                onChange={(event) => {
                  const provider = event.target.value as (typeof AI_PROVIDERS)[number];
                  onChange((current) => ({ ...current, ai: { ...current.ai, provider } }));
                }}
              >
                {AI_PROVIDERS.map((provider) => (
                  <option key={provider} value={provider}>
                    {AI_PROVIDER_LABELS[provider]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            label="System prompt"
            hint="Tells the model how to behave. Up to 2000 characters."
            errors={messagesAt(issues, 'ai.systemPrompt')}
          >
            {(props) => (
              <textarea
                {...props}
                rows={3}
                className={controlClass}
                value={config.ai.systemPrompt}
                onChange={(event) => {
                  const systemPrompt = event.target.value;
                  onChange((current) => ({ ...current, ai: { ...current.ai, systemPrompt } }));
                }}
              />
            )}
          </Field>
        </Section>
      )}
    </div>
  );
}
