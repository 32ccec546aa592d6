import type { HTMLAttributes, ReactNode } from 'react';
import { cn } from './cn';

export function Card({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  return (
    <div
      className={cn('rounded-xl border border-slate-200 bg-white shadow-sm', className)}
      {...props}
    />
  );
}

/** A titled group of fields inside a step. */
export function Section({
  title,
  description,
  children,
  className,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <Card className={cn('p-5', className)}>
      <fieldset>
        <legend className="font-semibold text-slate-900">{title}</legend>
        {description && <p className="mt-1 text-sm text-slate-500">{description}</p>}
        <div className="mt-4 grid gap-4">{children}</div>
      </fieldset>
    </Card>
  );
}
