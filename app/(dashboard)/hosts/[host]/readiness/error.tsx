'use client';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

// The probe never throws (a failed probe is a fail row); this catches anything else so the page still says why.
export default function ReadinessError({ error, reset }: { error: Error; reset: () => void }) {
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Virtualization readiness</h1>
      <Alert>The readiness checks could not be shown: {error.message || 'an unexpected error'}.</Alert>
      <Button onClick={reset}>Try again</Button>
    </div>
  );
}
