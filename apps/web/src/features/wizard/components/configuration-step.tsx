import { type BuildConfig, projectNameSchema, recommendDefaults } from '@botsmith/shared';
import { Section } from '../../../components/ui/card';
import { controlClass, Field, FieldErrors } from '../../../components/ui/field';
import { getAtPath, setAtPath } from '../state/config-edits';
import { messagesAt } from '../state/validation';
import {
  AUTOMATION_LABELS,
  COMPLEXITY_LABELS,
  DEPLOY_TARGET_LABELS,
  LICENSE_LABELS,
  NODE_VERSION_LABELS,
  PACKAGE_MANAGER_LABELS,
  SESSION_STORE_LABELS,
  TEAM_SIZE_LABELS,
} from './labels';
import { RecommendationHint } from './recommendation-hint';
import { SelectField } from './select-field';
import { TtlField } from './ttl-field';
import type { WizardStepProps } from './wizard-step-props';

type AutomationKey = keyof BuildConfig['automation'];

export function ConfigurationStep({ config, onChange, issues }: WizardStepProps) {
  const recommendations = recommendDefaults(config);
  const set = (path: string) => (value: unknown) =>
    onChange((current) => setAtPath(current, path, value));
  const errors = (path: string) => messagesAt(issues, path);
  const hint = (path: string) => (
    <RecommendationHint
      recommendation={recommendations.find((r) => r.path === path)}
      current={getAtPath(config, path)}
      onApply={set(path)}
    />
  );
  // Checked on every keystroke with the same schema the server uses.
  const nameCheck = projectNameSchema.safeParse(config.project.name);
  const nameErrors = nameCheck.success
    ? errors('project.name')
    : nameCheck.error.issues.map((issue) => issue.message);

  return (
    <div className="grid gap-5 lg:grid-cols-2">
      <Section title="Project" description="How the repository and package are named.">
        <Field
          label="Project name"
          hint="Used for the repository and the npm package: lowercase letters, digits, - _ ."
          errors={nameErrors}
        >
          {(props) => (
            <input
              {...props}
              className={`${controlClass} font-mono`}
              value={config.project.name}
              autoComplete="off"
              spellCheck={false}
              onChange={(event) => set('project.name')(event.target.value)}
            />
          )}
        </Field>
        <Field label="Display name" errors={errors('project.displayName')}>
          {(props) => (
            <input
              {...props}
              className={controlClass}
              value={config.project.displayName}
              onChange={(event) => set('project.displayName')(event.target.value)}
            />
          )}
        </Field>
        <Field label="Description" errors={errors('project.description')}>
          {(props) => (
            <input
              {...props}
              className={controlClass}
              value={config.project.description}
              onChange={(event) => set('project.description')(event.target.value)}
            />
          )}
        </Field>
        <SelectField
          label="License"
          value={config.project.license}
          options={LICENSE_LABELS}
          onChange={set('project.license')}
          errors={errors('project.license')}
        />
      </Section>

      <Section title="Runtime and sessions" description="Where the bot runs and what it remembers.">
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            label="Node.js version"
            value={config.runtime.nodeVersion}
            options={NODE_VERSION_LABELS}
            onChange={set('runtime.nodeVersion')}
            errors={errors('runtime.nodeVersion')}
          />
          <SelectField
            label="Package manager"
            value={config.runtime.packageManager}
            options={PACKAGE_MANAGER_LABELS}
            onChange={set('runtime.packageManager')}
            errors={errors('runtime.packageManager')}
          />
        </div>
        <SelectField
          label="Session store"
          value={config.sessions.store}
          options={SESSION_STORE_LABELS}
          onChange={set('sessions.store')}
          errors={errors('sessions.store')}
          extra={hint('sessions.store')}
        />
        <TtlField
          seconds={config.sessions.ttlSeconds}
          onChange={set('sessions.ttlSeconds')}
          errors={errors('sessions.ttlSeconds')}
        />
        <SelectField
          label="Deploy target"
          value={config.deploy.target}
          options={DEPLOY_TARGET_LABELS}
          onChange={set('deploy.target')}
          errors={errors('deploy.target')}
          extra={hint('deploy.target')}
        />
      </Section>

      <Section
        title="Automation"
        description="GitHub Actions workflows and bots added to the repository."
      >
        <ul className="grid gap-3">
          {(Object.keys(AUTOMATION_LABELS) as AutomationKey[]).map((key) => {
            const path = `automation.${key}`;
            const id = `automation-${key}`;
            return (
              <li key={key} className="grid gap-1.5">
                <div className="flex items-start gap-3">
                  <input
                    id={id}
                    type="checkbox"
                    className="mt-0.5 size-4 accent-indigo-600"
                    checked={config.automation[key]}
                    onChange={(event) => set(path)(event.target.checked)}
                    aria-describedby={`${id}-description`}
                    aria-invalid={errors(path).length > 0 || undefined}
                  />
                  <div>
                    <label htmlFor={id} className="text-sm font-medium">
                      {AUTOMATION_LABELS[key].label}
                    </label>
                    <p id={`${id}-description`} className="text-xs text-slate-500">
                      {AUTOMATION_LABELS[key].description}
                    </p>
                  </div>
                </div>
                <FieldErrors errors={errors(path)} />
                {hint(path)}
              </li>
            );
          })}
        </ul>
      </Section>

      <Section
        title="Team"
        description="Bigger teams and more complex bots get stricter checks by default."
      >
        <SelectField
          label="Team size"
          value={config.team.size}
          options={TEAM_SIZE_LABELS}
          onChange={set('team.size')}
          errors={errors('team.size')}
        />
        <SelectField
          label="Complexity"
          value={config.team.complexity}
          options={COMPLEXITY_LABELS}
          onChange={set('team.complexity')}
          errors={errors('team.complexity')}
        />
      </Section>
    </div>
  );
}
