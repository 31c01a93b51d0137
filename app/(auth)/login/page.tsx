import { redirect } from 'next/navigation';
import { hasAnyUser } from '@/lib/auth/accounts';
import { pageUser } from '@/app/_server/page-user';
import { AuthCard } from '@/components/auth/auth-card';
import { LoginForm } from '@/components/auth/login-form';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Sign in' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  if (!(await hasAnyUser())) redirect('/setup');
  if (await pageUser()) redirect('/');
  const { next } = await searchParams;
  // Only same-site paths, so the login page cannot be used to bounce users elsewhere.
  const target = next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
  return (
    <AuthCard title="Sign in">
      <LoginForm next={target} />
    </AuthCard>
  );
}
