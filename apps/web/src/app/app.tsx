import { Toaster } from '../components/ui/toast';
import { UserMenu } from '../features/auth';
import { Link, navigate, useLocation } from '../lib/router';
import { Providers } from './providers';
import { Routes } from './routes';

function Header() {
  const { href } = useLocation();
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-3 px-4 py-3 sm:px-6">
        <Link to="/" className="flex items-center gap-3">
          <img src="/favicon.svg" alt="" className="size-8" />
          <div>
            <p className="font-semibold tracking-tight">Botsmith</p>
            <p className="hidden text-xs text-slate-500 sm:block">
              From an idea to a tested chat-bot repository
            </p>
          </div>
        </Link>
        <nav aria-label="Account">
          <UserMenu currentPath={href} onSignedOut={() => navigate('/')} />
        </nav>
      </div>
    </header>
  );
}

export function App() {
  return (
    <Providers>
      <div className="min-h-dvh bg-slate-50 text-slate-900">
        <Header />
        <main className="mx-auto max-w-6xl px-4 py-6 sm:px-6 sm:py-8">
          <Routes />
        </main>
      </div>
      <Toaster />
    </Providers>
  );
}
