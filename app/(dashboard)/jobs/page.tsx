import { requirePageUser } from '@/app/_server/page-user';
import { listJobs } from '@/lib/jobs/store';
import { JobList } from '@/components/jobs/job-list';

export const metadata = { title: 'Jobs' };

export default async function JobsPage() {
  await requirePageUser('vm.read');
  const jobs = await listJobs(50);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Jobs</h1>
      <JobList initial={jobs} />
    </div>
  );
}
