import { PLATFORMS } from '@botsmith/shared';
import { FieldErrors } from '../../../components/ui/field';
import { togglePlatform } from '../state/config-edits';
import { messagesAt } from '../state/validation';
import { ChoiceCard } from './choice-card';
import type { WizardStepProps } from './wizard-step-props';

export function PlatformStep({ config, onChange, issues }: WizardStepProps) {
  const errors = messagesAt(issues, 'platforms');
  return (
    <div className="grid gap-4">
      <fieldset>
        <legend className="sr-only">Platforms</legend>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {PLATFORMS.map((platform) => (
            <ChoiceCard
              key={platform.id}
              title={platform.label}
              description={platform.description}
              checked={config.platforms.includes(platform.id)}
              invalid={errors.length > 0}
              onChange={(on) => onChange((current) => togglePlatform(current, platform.id, on))}
              notes={<span className="text-slate-400">Built on {platform.library}</span>}
            />
          ))}
        </div>
      </fieldset>
      <FieldErrors errors={errors} />
    </div>
  );
}
