import type { BuildConfig } from '@botsmith/shared';
import { Section } from '../../../components/ui/card';
import { type SetupSnapshot, useLiveDeploymentUrl } from '../api/use-setup';

/**
 * Where the bot runs: the URL its last deployment reported to GitHub, or where it will
 * appear. Without a deploy workflow there is none to wait for.
 */
export function LiveDeploymentPanel({
  snapshot,
  config,
}: {
  snapshot: SetupSnapshot;
  config: BuildConfig;
}) {
  const deploys = config.automation.deploy && config.deploy.target !== 'none';
  const url = useLiveDeploymentUrl(snapshot);
  return (
    <Section title="Live bot">
      <div data-testid="deployment-url" className="text-sm">
        {url ? (
          <p>
            Deployed at{' '}
            <a
              href={url}
              target="_blank"
              rel="noreferrer"
              className="font-medium break-all text-indigo-700 underline"
            >
              {url}
            </a>
          </p>
        ) : deploys ? (
          <p className="text-slate-600">
            The bot's address appears here once the deploy workflow reports its first deployment to
            GitHub's production environment.
          </p>
        ) : (
          <p className="text-slate-600">
            This project has no deploy workflow: run the bot where you like, its README says how.
          </p>
        )}
      </div>
    </Section>
  );
}
