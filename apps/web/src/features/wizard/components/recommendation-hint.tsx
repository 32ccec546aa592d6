import type { Recommendation } from '@botsmith/shared';
import { Button } from '../../../components/ui/button';
import { CheckIcon } from '../../../components/ui/stepper';
import { describeValue } from './labels';

/**
 * "Recommended because …" under a field, with an Apply button while the field holds
 * something else.
 */
export function RecommendationHint({
  recommendation,
  current,
  onApply,
}: {
  recommendation: Recommendation | undefined;
  current: unknown;
  onApply: (value: unknown) => void;
}) {
  if (!recommendation) return null;
  const value = describeValue(recommendation.path, recommendation.value);
  if (Object.is(current, recommendation.value)) {
    return (
      <p className="flex items-start gap-1.5 text-xs text-emerald-700">
        <CheckIcon className="mt-px size-3.5 shrink-0" />
        <span>Recommended because {recommendation.because}.</span>
      </p>
    );
  }
  return (
    <div className="flex items-start gap-2 rounded-lg bg-amber-50 px-2.5 py-2 text-xs text-amber-900">
      <p className="flex-1">
        Recommended: <strong>{value}</strong>, because {recommendation.because}.
      </p>
      <Button
        size="sm"
        variant="secondary"
        className="h-6"
        aria-label={`Apply recommended ${recommendation.path}: ${value}`}
        onClick={() => onApply(recommendation.value)}
      >
        Apply
      </Button>
    </div>
  );
}
