import type { BuildConfig } from '@botsmith/shared';
import { useDeferredValue, useMemo } from 'react';
import { previewProject } from './preview';

/**
 * The generated files for a config, regenerated in the browser whenever the config changes.
 * Deferred so typing stays responsive while a large project regenerates.
 */
export function usePreview(config: BuildConfig) {
  const deferred = useDeferredValue(config);
  const preview = useMemo(() => previewProject(deferred), [deferred]);
  return { preview, updating: deferred !== config };
}
