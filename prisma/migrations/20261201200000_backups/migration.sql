-- Backups: points (full, incremental, copies of stopped VMs) and their schedules.
CREATE TABLE "BackupPoint" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "hostId" TEXT NOT NULL,
    "vmUuid" TEXT NOT NULL,
    "vmName" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "chainId" TEXT NOT NULL,
    "parentId" TEXT,
    "checkpoint" TEXT,
    "pool" TEXT NOT NULL,
    "disks" TEXT NOT NULL,
    "domainXml" TEXT NOT NULL,
    "sizeBytes" BIGINT NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL,
    "error" TEXT,
    "jobId" TEXT,
    "scheduleId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME
);

CREATE TABLE "BackupSchedule" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "hostId" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "vmUuid" TEXT,
    "vmName" TEXT,
    "tag" TEXT,
    "cron" TEXT NOT NULL,
    "pool" TEXT NOT NULL,
    "keepLast" INTEGER NOT NULL DEFAULT 7,
    "keepDaily" INTEGER NOT NULL DEFAULT 0,
    "keepWeekly" INTEGER NOT NULL DEFAULT 0,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "lastRunAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE INDEX "BackupPoint_hostId_vmUuid_createdAt_idx" ON "BackupPoint"("hostId", "vmUuid", "createdAt");
CREATE INDEX "BackupPoint_chainId_idx" ON "BackupPoint"("chainId");
CREATE INDEX "BackupSchedule_hostId_idx" ON "BackupSchedule"("hostId");
