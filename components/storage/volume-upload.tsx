'use client';

import { useHostId } from '@/components/hosts/host-scope';
import { useRef, useState } from 'react';
import { keys, poolTouches } from '@/components/data/keys';
import { useMutation } from '@/components/data/mutation';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/inputs';
import { putWithProgress } from './upload-request';

// Uploads a local file (ISO, qcow2, raw) into the pool. XMLHttpRequest because it reports upload progress; the
// server streams the body straight into libvirt's volume upload, so 100% here means libvirt confirmed it.

export function VolumeUpload({ pool }: { pool: string }) {
  const host = useHostId();
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const [state, setState] = useState<'idle' | 'sending' | 'done'>('idle');
  const [error, setError] = useState<string | null>(null);
  const abort = useRef<(() => void) | null>(null);
  const { refresh } = useMutation();

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!file) return setError('Choose a file first.');
    setError(null);
    setState('sending');
    setProgress(0);
    const url = `${keys.pool(host, pool)}/upload?name=${encodeURIComponent(name)}&size=${file.size}`;
    const req = putWithProgress(url, file, (sent) => setProgress(file.size ? Math.floor((sent / file.size) * 99) : 99));
    abort.current = req.abort;
    try {
      await req.done;
      setProgress(100);
      setState('done');
      await refresh(poolTouches(host, pool));
    } catch (err) {
      setError((err as Error).message);
      setState('idle');
      setProgress(null);
    } finally {
      abort.current = null;
    }
  }

  return (
    <form onSubmit={submit} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" noValidate>
      <h2 className="font-semibold">Upload a file</h2>
      <Alert testId="upload-error">{error}</Alert>
      <TextField
        type="file"
        label="File to upload"
        onChange={(_, e) => {
          const f = e.target.files?.[0] ?? null;
          setFile(f);
          setState('idle');
          setProgress(null);
          if (f) setName(f.name.replace(/[^A-Za-z0-9._+-]/g, '_').replace(/^[.-]+/, ''));
        }}
      />
      <TextField label="Upload as volume" value={name} onChange={setName} autoComplete="off" />
      {progress !== null ? (
        <div>
          <div
            role="progressbar"
            aria-label="Upload progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={progress}
            className="h-3 w-full overflow-hidden rounded bg-slate-200"
          >
            <div className="h-full bg-sky-600 transition-[width]" style={{ width: `${progress}%` }} />
          </div>
          <p className="mt-1 text-xs text-slate-600" data-testid="upload-status">
            {state === 'done' ? `Uploaded ${name} (100%).` : progress >= 99 ? 'Waiting for libvirt to confirm… (99%)' : `${progress}%`}
          </p>
        </div>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" variant="primary" disabled={state === 'sending'}>
          {state === 'sending' ? 'Uploading…' : 'Upload'}
        </Button>
        {state === 'sending' ? <Button onClick={() => abort.current?.()}>Cancel upload</Button> : null}
      </div>
    </form>
  );
}
