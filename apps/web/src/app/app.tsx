import { Toaster } from '../components/ui/toast';
import { Wizard } from '../features/wizard/components/wizard';
import { Providers } from './providers';

export function App() {
  return (
    <Providers>
      <div className="min-h-dvh bg-slate-50 text-slate-900">
        <header className="border-b border-slate-200 bg-white">
          <div className="mx-auto flex max-w-6xl items-center gap-3 px-4 py-3 sm:px-6">
            <img src="/favicon.svg" alt="" className="size-8" />
            <div>
              <p className="font-semibold tracking-tight">Botsmith</p>
              <p className="text-xs text-slate-500">From an idea to a tested chat-bot repository</p>
            </div>
          </div>
        </header>
        <main className="mx-auto max-w-6xl px-4 py-6 sm:px-6 sm:py-8">
          <Wizard />
        </main>
      </div>
      <Toaster />
    </Providers>
  );
}
