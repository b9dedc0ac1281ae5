-- AlterEnum
ALTER TYPE "RunStatus" ADD VALUE 'interrupted';

-- AlterTable
ALTER TABLE "IngestRun" ADD COLUMN     "runnerHost" TEXT,
ADD COLUMN     "runnerPid" INTEGER;
