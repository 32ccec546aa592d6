import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { setupRunPath } from '../../../lib/paths';
import { navigate } from '../../../lib/router';
import { useLatestSetup } from '../api/use-dashboard';

/** A project not (yet) active: how its last setup went, and a way back to watch it. */
export function LatestSetupPanel({ projectId }: { projectId: string }) {
  const latest = useLatestSetup(projectId);
  if (!latest.data) return null;
  const run = latest.data;
  return (
    <Card className="flex flex-wrap items-center justify-between gap-3 p-4">
      <p className="text-sm text-slate-700">
        Latest setup: <strong>{run.status.replaceAll('_', ' ')}</strong>
        {run.error && <span className="text-red-800"> — {run.error}</span>}
      </p>
      <Button size="sm" onClick={() => navigate(setupRunPath(run.runId))}>
        Watch the setup
      </Button>
    </Card>
  );
}
