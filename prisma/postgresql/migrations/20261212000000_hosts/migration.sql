-- Hosts managed by Vireo (the local one is added at first start), and the host of each job, audit row and console
-- ticket.
CREATE TABLE "Host" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "uri" TEXT NOT NULL,
    "sshKeySource" TEXT,
    "sshPublicKey" TEXT,
    "sshHostKey" TEXT,
    "tlsCa" TEXT,
    "tlsCert" TEXT,
    "secrets" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Host_pkey" PRIMARY KEY ("id")
);

ALTER TABLE "AuditEntry" ADD COLUMN "host" TEXT NOT NULL DEFAULT 'local';
ALTER TABLE "Job" ADD COLUMN "host" TEXT NOT NULL DEFAULT 'local';
ALTER TABLE "ConsoleTicket" ADD COLUMN "host" TEXT NOT NULL DEFAULT 'local';
