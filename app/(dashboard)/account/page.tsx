import { requirePageUser } from '@/app/_server/page-user';
import { ApiTokens } from '@/components/account/api-tokens';
import { PasswordForm } from '@/components/account/password-form';

export const metadata = { title: 'Account' };

export default async function AccountPage() {
  const user = await requirePageUser();
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Account</h1>
      <p className="text-sm text-slate-700" data-testid="account-who">
        Signed in as <span className="font-medium">{user.username}</span>, role <span className="font-medium">{user.role}</span>.
      </p>
      <PasswordForm />
      <ApiTokens ownRole={user.role} />
    </div>
  );
}
