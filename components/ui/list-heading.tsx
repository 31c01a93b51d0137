import Link from 'next/link';

/** A list page's heading, with its "create" link for those allowed to create (pass null otherwise). */
export function ListHeading({ title, create }: { title: string; create: { href: string; label: string; testId?: string } | null }) {
  return (
    <div className="flex items-center gap-3">
      <h1 className="text-xl font-semibold">{title}</h1>
      {create ? (
        <Link
          href={create.href}
          data-testid={create.testId}
          className="ml-auto rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-sky-800"
        >
          {create.label}
        </Link>
      ) : null}
    </div>
  );
}
