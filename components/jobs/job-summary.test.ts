import { describe, expect, it } from 'vitest';
import type { JobStep, JobView } from '@/components/data/types';
import { jobDuration, jobStage, jobTitle, orderJobs } from './job-summary';

const step = (id: string, status: JobStep['status']): JobStep => ({ id, label: `Step ${id}`, status });

describe('the task list line of a job', () => {
  it('names what the job does', () => {
    expect(jobTitle({ kind: 'vm.create', objectName: 'web-01' })).toBe('Create virtual machine web-01');
    expect(jobTitle({ kind: 'pool.scrub', objectName: 'p' })).toBe('pool.scrub p');
  });

  it('says how far a running job is, with the running step and its progress', () => {
    const job = { status: 'running' as const, progress: 0.425, steps: [step('a', 'done'), step('b', 'skipped'), step('c', 'running'), step('d', 'pending')] };
    expect(jobStage(job)).toEqual({ finished: 2, total: 4, step: 'Step c', percent: 43 });
    expect(jobStage({ ...job, progress: 0 }).percent).toBeNull();
  });

  it('names the failed step of a failed job, without progress', () => {
    const job = { status: 'failed' as const, progress: 0.5, steps: [step('a', 'done'), step('b', 'failed'), step('c', 'pending')] };
    expect(jobStage(job)).toEqual({ finished: 1, total: 3, step: 'Step b', percent: null });
  });

  it('has no current step once every step is done', () => {
    expect(jobStage({ status: 'succeeded', progress: 1, steps: [step('a', 'done')] })).toEqual({ finished: 1, total: 1, step: null, percent: null });
  });

  it('measures from the start to the end, or to now while running', () => {
    const createdAt = '2025-01-01T10:00:00.000Z';
    expect(jobDuration({ createdAt, finishedAt: '2025-01-01T10:00:04.400Z' }, 0)).toBe('4 s');
    expect(jobDuration({ createdAt, finishedAt: '2025-01-01T10:02:05.000Z' }, 0)).toBe('2 min 5 s');
    expect(jobDuration({ createdAt, finishedAt: '2025-01-01T10:03:00.000Z' }, 0)).toBe('3 min');
    expect(jobDuration({ createdAt, finishedAt: '2025-01-01T11:03:10.000Z' }, 0)).toBe('1 h 3 min');
    expect(jobDuration({ createdAt, finishedAt: null }, Date.parse('2025-01-01T10:00:30Z'))).toBe('30 s');
    expect(jobDuration({ createdAt, finishedAt: null }, Date.parse('2024-12-31T10:00:00Z'))).toBe('0 s');
  });

  it('lists running jobs first, oldest first, then the others newest first', () => {
    const j = (id: string, status: JobView['status'], minute: number) => ({ id, status, createdAt: `2025-01-01T10:0${minute}:00.000Z` });
    const order = orderJobs([j('a', 'succeeded', 1), j('b', 'running', 2), j('c', 'failed', 3), j('d', 'running', 4)]).map((x) => x.id);
    expect(order).toEqual(['b', 'd', 'c', 'a']);
  });
});
