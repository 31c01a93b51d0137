import Link from 'next/link';

/** Said once a change has started as a job ("Restoring: follow the job."), with the link to the job's page. */
export function JobStarted({ doing, jobId, testId }: { doing: string; jobId: string; testId: string }) {
  return (
    <p data-testid={testId}>
      {doing}:{' '}
      <Link href={`/jobs/${jobId}`} className="text-sky-800 hover:underline">
        follow the job
      </Link>
      .
    </p>
  );
}
