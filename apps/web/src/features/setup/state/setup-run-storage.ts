import { z } from 'zod';

/** Where the wizard remembers the setup run it watches, so a reload of step 8 resumes it. */
export const SETUP_RUN_KEY = 'botsmith.setup-run.v1';

const storedRunSchema = z.object({ runId: z.uuid() });

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

export function loadSetupRunId(): string | null {
  try {
    const parsed = storedRunSchema.safeParse(JSON.parse(storage()?.getItem(SETUP_RUN_KEY) ?? ''));
    return parsed.success ? parsed.data.runId : null;
  } catch {
    return null;
  }
}

export function saveSetupRunId(runId: string | null): void {
  try {
    if (runId) storage()?.setItem(SETUP_RUN_KEY, JSON.stringify({ runId }));
    else storage()?.removeItem(SETUP_RUN_KEY);
  } catch {
    // Without storage a reload of step 8 just loses track of the run; the dashboard has it.
  }
}
