import type { ReactNode } from 'react';

export function AuthCard({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <div className="mb-4 flex items-center gap-2 text-sky-800">
          <span className="text-2xl font-bold tracking-tight">Vireo</span>
        </div>
        <h1 className="mb-2 text-lg font-semibold">{title}</h1>
        {intro ? <div className="mb-4 text-sm text-slate-600">{intro}</div> : null}
        {children}
      </div>
    </main>
  );
}
