-- AlterTable
ALTER TABLE "User" ADD COLUMN     "digits" TEXT,
ADD COLUMN     "locale" TEXT;
