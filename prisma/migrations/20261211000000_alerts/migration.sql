-- Alerts (issue 17): rules, alert instances (pending, firing, resolved), receivers, silences, the delivery log (lib/alerts).

-- CreateTable
CREATE TABLE "AlertRule" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "comparison" TEXT NOT NULL,
    "threshold" REAL NOT NULL DEFAULT 0,
    "stateValue" TEXT,
    "forSeconds" INTEGER NOT NULL DEFAULT 0,
    "scopeKind" TEXT NOT NULL DEFAULT 'all',
    "scopeValue" TEXT,
    "severity" TEXT NOT NULL DEFAULT 'warning',
    "description" TEXT NOT NULL DEFAULT '',
    "receivers" TEXT NOT NULL DEFAULT '[]',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "AlertInstance" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ruleId" TEXT NOT NULL,
    "ruleName" TEXT NOT NULL,
    "hostId" TEXT NOT NULL,
    "subjectKey" TEXT NOT NULL,
    "subjectName" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "value" REAL,
    "fingerprint" TEXT NOT NULL,
    "activeAt" DATETIME NOT NULL,
    "firedAt" DATETIME,
    "resolvedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "AlertReceiver" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "url" TEXT,
    "secretEnc" TEXT,
    "emails" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "AlertSilence" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ruleId" TEXT,
    "vm" TEXT,
    "hostId" TEXT,
    "comment" TEXT NOT NULL DEFAULT '',
    "createdBy" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endsAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "AlertDelivery" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "receiverId" TEXT NOT NULL,
    "receiverName" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "outcome" TEXT NOT NULL,
    "httpStatus" INTEGER,
    "error" TEXT
);

-- CreateIndex
CREATE UNIQUE INDEX "AlertRule_name_key" ON "AlertRule"("name");

-- CreateIndex
CREATE INDEX "AlertInstance_hostId_state_idx" ON "AlertInstance"("hostId", "state");

-- CreateIndex
CREATE INDEX "AlertInstance_ruleId_idx" ON "AlertInstance"("ruleId");

-- CreateIndex
CREATE INDEX "AlertInstance_resolvedAt_idx" ON "AlertInstance"("resolvedAt");

-- CreateIndex
CREATE UNIQUE INDEX "AlertReceiver_name_key" ON "AlertReceiver"("name");

-- CreateIndex
CREATE INDEX "AlertSilence_endsAt_idx" ON "AlertSilence"("endsAt");

-- CreateIndex
CREATE INDEX "AlertDelivery_at_idx" ON "AlertDelivery"("at");

