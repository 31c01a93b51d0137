-- Sessions keep a hash of their CSRF token instead of the token, and get an absolute lifetime.
-- Sessions from before kept the token in clear and had no absolute end: they are not carried over (as in the
-- SQLite migration), so everyone signs in once more after this upgrade.
DELETE FROM "Session";

-- AlterTable
ALTER TABLE "Session" DROP COLUMN "csrfToken",
ADD COLUMN "absoluteExpiresAt" TIMESTAMP(3) NOT NULL,
ADD COLUMN "csrfHash" TEXT NOT NULL;
