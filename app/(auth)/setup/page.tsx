import { redirect } from 'next/navigation';
import { hasAnyUser } from '@/lib/auth/accounts';
import { AuthCard } from '@/components/auth/auth-card';
import { SetupForm } from '@/components/auth/setup-form';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'First-time setup' };

export default async function SetupPage() {
  if (await hasAnyUser()) redirect('/login');
  return (
    <AuthCard title="Create the admin account" intro={<>Enter the one-time setup code that the Vireo server printed in its console and log when it started.</>}>
      <SetupForm />
    </AuthCard>
  );
}
