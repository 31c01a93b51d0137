-- Several Vireo servers on one database: jobs carry their owner and lease, console tickets and rate-limit hits
-- are shared rows instead of one process's memory.
ALTER TABLE "Job" ADD COLUMN "owner" TEXT;
ALTER TABLE "Job" ADD COLUMN "ownerRun" TEXT;
ALTER TABLE "Job" ADD COLUMN "leaseUntil" TIMESTAMP(3);
ALTER TABLE "Job" ADD COLUMN "cancelRequested" BOOLEAN NOT NULL DEFAULT false;

CREATE TABLE "ConsoleTicket" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "vmName" TEXT,
    "vmUuid" TEXT,
    "device" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConsoleTicket_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "ConsoleTicket_expiresAt_idx" ON "ConsoleTicket"("expiresAt");

CREATE TABLE "RateLimitHit" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RateLimitHit_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "RateLimitHit_key_at_idx" ON "RateLimitHit"("key", "at");
CREATE INDEX "RateLimitHit_at_idx" ON "RateLimitHit"("at");
