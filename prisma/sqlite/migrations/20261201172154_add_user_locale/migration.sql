-- AlterTable
ALTER TABLE "User" ADD COLUMN "digits" TEXT;
ALTER TABLE "User" ADD COLUMN "locale" TEXT;
