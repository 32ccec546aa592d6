import { useSyncExternalStore } from 'react';
import { cn } from './cn';

export interface ToastMessage {
  id: number;
  title: string;
  description?: string;
  tone: 'error' | 'success' | 'info';
}

// A module-level store so non-React code (the query cache's onError) can raise toasts.
let toasts: ToastMessage[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function emit(next: ToastMessage[]) {
  toasts = next;
  for (const listener of listeners) listener();
}

/** Shows a toast; errors stay until dismissed, others fade after a few seconds. */
export function toast(
  message: Omit<ToastMessage, 'id' | 'tone'> & { tone?: ToastMessage['tone'] },
) {
  const id = nextId++;
  emit([...toasts.slice(-3), { tone: 'info', ...message, id }]);
  if (message.tone !== 'error') setTimeout(() => dismissToast(id), 4000);
  return id;
}

export function dismissToast(id: number) {
  emit(toasts.filter((item) => item.id !== id));
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const TONES = {
  error: 'border-red-200 bg-red-50 text-red-900',
  success: 'border-emerald-200 bg-emerald-50 text-emerald-900',
  info: 'border-slate-200 bg-white text-slate-900',
} as const;

/** Renders the toasts in a polite live region at the bottom right. */
export function Toaster() {
  const items = useSyncExternalStore(subscribe, () => toasts);
  return (
    <section
      aria-label="Notifications"
      aria-live="polite"
      className="pointer-events-none fixed inset-x-4 bottom-4 z-50 ml-auto grid max-w-sm gap-2"
    >
      {items.map((item) => (
        <div
          key={item.id}
          role={item.tone === 'error' ? 'alert' : 'status'}
          className={cn(
            'pointer-events-auto flex items-start gap-3 rounded-lg border p-3 text-sm shadow-lg',
            TONES[item.tone],
          )}
        >
          <div className="min-w-0 flex-1">
            <p className="font-medium">{item.title}</p>
            {item.description && (
              <p className="mt-0.5 break-words opacity-80">{item.description}</p>
            )}
          </div>
          <button
            type="button"
            onClick={() => dismissToast(item.id)}
            className="rounded px-1 text-lg leading-none opacity-60 hover:opacity-100"
            aria-label="Dismiss notification"
          >
            ×
          </button>
        </div>
      ))}
    </section>
  );
}
