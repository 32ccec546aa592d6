import { Button } from '../../../components/ui/button';

/** Previous / next for cursor pages. */
export function Pager({
  label,
  page,
  hasNext,
  onPrevious,
  onNext,
}: {
  label: string;
  page: number;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
}) {
  if (page === 1 && !hasNext) return null;
  return (
    <nav aria-label={label} className="flex items-center justify-between gap-3 text-sm">
      <Button size="sm" onClick={onPrevious} disabled={page === 1}>
        Previous
      </Button>
      <span className="text-slate-500">Page {page}</span>
      <Button size="sm" onClick={onNext} disabled={!hasNext}>
        Next
      </Button>
    </nav>
  );
}
