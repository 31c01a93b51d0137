-- Accounts can be disabled (kept, with their audit trail, but unable to sign in).
ALTER TABLE "User" ADD COLUMN "disabledAt" TIMESTAMP(3);
