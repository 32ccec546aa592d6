import type { DeploymentStats } from '@botsmith/shared';

/**
 * Thirty days of deployments as stacked bars. Each bar's title and the table read by screen
 * readers carry the numbers; colour only repeats them.
 */
export function DeploymentSeries({ series }: { series: DeploymentStats['series'] }) {
  const max = Math.max(1, ...series.map((day) => day.success + day.failure + day.other));
  const empty = series.every((day) => day.success + day.failure + day.other === 0);
  return (
    <figure className="grid gap-2">
      <figcaption className="text-sm font-medium text-slate-700">
        Last 30 days
        {empty && <span className="font-normal text-slate-500"> · no deployments</span>}
      </figcaption>
      <svg
        viewBox={`0 0 ${series.length * 10} 100`}
        preserveAspectRatio="none"
        className="h-32 w-full"
        aria-hidden="true"
      >
        {series.map((day, index) => {
          // Stacked from the bottom: successes, then others, then failures.
          const parts = [
            { count: day.success, className: 'fill-emerald-500' },
            { count: day.other, className: 'fill-slate-300' },
            { count: day.failure, className: 'fill-red-500' },
          ];
          let top = 100;
          return (
            <g key={day.day}>
              <title>{`${day.day}: ${day.success} succeeded, ${day.failure} failed, ${day.other} other`}</title>
              {parts.map((part) => {
                const height = (part.count / max) * 100;
                top -= height;
                return part.count > 0 ? (
                  <rect
                    key={part.className}
                    x={index * 10 + 1}
                    y={top}
                    width={8}
                    height={height}
                    className={part.className}
                  />
                ) : null;
              })}
            </g>
          );
        })}
      </svg>
      <table className="sr-only">
        <caption>Deployments per day</caption>
        <thead>
          <tr>
            <th>Day</th>
            <th>Succeeded</th>
            <th>Failed</th>
            <th>Other</th>
          </tr>
        </thead>
        <tbody>
          {series.map((day) => (
            <tr key={day.day}>
              <td>{day.day}</td>
              <td>{day.success}</td>
              <td>{day.failure}</td>
              <td>{day.other}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
