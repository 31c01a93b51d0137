import { changedNothing, type Problem } from '@/components/data/problem';

/** A refused or failed request: the server's message, and field messages not already shown next to an input. */
export function ProblemNote({ problem, shownFields = [] }: { problem: Problem; shownFields?: readonly string[] }) {
  const extra = Object.entries(problem.fields).filter(([k, v]) => v !== problem.message && !shownFields.includes(k));
  return (
    <div role="alert" data-testid="change-refused" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
      <p className="font-medium">{problem.message}</p>
      {changedNothing(problem) ? <p className="mt-0.5 text-xs">Nothing was changed.</p> : null}
      {extra.length ? (
        <ul className="mt-1 list-disc pl-5 text-xs">
          {extra.map(([k, v]) => (
            <li key={k}>{v}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
