-- Several Vireo servers on one database: jobs carry their owner and lease, console tickets and rate-limit hits
-- are shared rows instead of one process's memory.
ALTER TABLE "Job" ADD COLUMN "owner" TEXT;
ALTER TABLE "Job" ADD COLUMN "ownerRun" TEXT;
ALTER TABLE "Job" ADD COLUMN "leaseUntil" DATETIME;
ALTER TABLE "Job" ADD COLUMN "cancelRequested" BOOLEAN NOT NULL DEFAULT false;

CREATE TABLE "ConsoleTicket" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "vmName" TEXT,
    "vmUuid" TEXT,
    "device" TEXT,
    "expiresAt" DATETIME NOT NULL
);
CREATE INDEX "ConsoleTicket_expiresAt_idx" ON "ConsoleTicket"("expiresAt");

CREATE TABLE "RateLimitHit" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "key" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX "RateLimitHit_key_at_idx" ON "RateLimitHit"("key", "at");
CREATE INDEX "RateLimitHit_at_idx" ON "RateLimitHit"("at");
