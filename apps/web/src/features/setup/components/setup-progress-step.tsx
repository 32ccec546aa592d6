import { useMemo, useState } from 'react';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { ErrorBoundary } from '../../../components/ui/error-boundary';
import { previewProject } from '../../../lib/preview';
import { storedConfigOf } from '../../../lib/stored-config';
import {
  type RollbackResult,
  type SetupSnapshot,
  useRunProject,
  useSetupProgress,
} from '../api/use-setup';
import { FailureActionsPanel } from './failure-actions-panel';
import { LiveDeploymentPanel } from './live-deployment-panel';
import { NextStepsPanel } from './next-steps-panel';
import { OutcomePanel } from './outcome-panel';
import { RunProgressPanel } from './run-progress-panel';
import { SecretsHandOffPanel } from './secrets-hand-off-panel';
import { RUN_STATUS } from './setup-status';

/**
 * Step 8: the setup run, live over SSE, with its secrets hand-off, retry and rollback, then
 * where the bot runs and what is left to do for its platforms; each panel fails on its own.
 */
export function SetupProgressStep({ runId, onBack }: { runId: string | null; onBack: () => void }) {
  const progress = useSetupProgress(runId);
  // The config the run set up, as stored with its project: the wizard may hold another by now.
  const project = useRunProject(
    progress.snapshot?.projectId ?? null,
    progress.snapshot ? RUN_STATUS[progress.snapshot.status].finished : false,
  );
  const config = useMemo(
    () => (project.data ? storedConfigOf(project.data) : null),
    [project.data],
  );
  const nextSteps = useMemo(() => {
    const preview = config ? previewProject(config) : null;
    return preview?.ok ? preview.nextSteps : [];
  }, [config]);
  const { snapshot } = progress;
  const [rolledBack, setRolledBack] = useState<RollbackResult | null>(null);
  // After an action that sets the run going again, show its answer and follow the stream anew.
  const resume = (next: SetupSnapshot | null | undefined) => {
    progress.show(next);
    progress.rewatch();
  };

  if (!runId) {
    return (
      <Card className="grid gap-3 p-5">
        <p className="text-sm text-slate-600">No setup is running in this browser.</p>
        <div>
          <Button onClick={onBack}>Back to auto-setup</Button>
        </div>
      </Card>
    );
  }
  if (progress.error && !snapshot) {
    return (
      <p role="alert" className="rounded-lg bg-red-50 px-4 py-3 text-sm text-red-800">
        The setup progress could not be loaded: {progress.error.message}
      </p>
    );
  }
  if (!snapshot) {
    return (
      <p className="text-sm text-slate-500" role="status">
        Connecting to the setup…
      </p>
    );
  }
  return (
    <div className="grid gap-5">
      <ErrorBoundary label="the setup progress">
        <RunProgressPanel snapshot={snapshot} />
      </ErrorBoundary>
      {snapshot.secrets && (
        <ErrorBoundary label="the secrets">
          <SecretsHandOffPanel snapshot={snapshot} secrets={snapshot.secrets} onDone={resume} />
        </ErrorBoundary>
      )}
      <ErrorBoundary label="the retry and rollback">
        <FailureActionsPanel
          snapshot={snapshot}
          onChanged={resume}
          onRolledBack={(result) => {
            setRolledBack(result);
            progress.show(result.snapshot);
          }}
        />
      </ErrorBoundary>
      <ErrorBoundary label="the setup result">
        <OutcomePanel snapshot={snapshot} rolledBack={rolledBack} />
      </ErrorBoundary>
      {snapshot.repo && config && (
        <ErrorBoundary label="the live bot">
          <LiveDeploymentPanel snapshot={snapshot} config={config} />
        </ErrorBoundary>
      )}
      <ErrorBoundary label="the next steps">
        <NextStepsPanel nextSteps={nextSteps} />
      </ErrorBoundary>
    </div>
  );
}
