-- Run by db-init.sh; $(NAME) are sqlcmd scripting variables taken from its environment.
IF DB_ID(N'$(DB_NAME)') IS NULL
    CREATE DATABASE [$(DB_NAME)];
GO

IF SUSER_ID(N'personamedia_migrator') IS NULL
    CREATE LOGIN [personamedia_migrator] WITH PASSWORD = N'$(MIGRATOR_PASSWORD)', DEFAULT_DATABASE = [$(DB_NAME)], CHECK_POLICY = ON;
ELSE
    ALTER LOGIN [personamedia_migrator] WITH PASSWORD = N'$(MIGRATOR_PASSWORD)';

IF SUSER_ID(N'personamedia_app') IS NULL
    CREATE LOGIN [personamedia_app] WITH PASSWORD = N'$(APP_PASSWORD)', DEFAULT_DATABASE = [$(DB_NAME)], CHECK_POLICY = ON;
ELSE
    ALTER LOGIN [personamedia_app] WITH PASSWORD = N'$(APP_PASSWORD)';
GO

USE [$(DB_NAME)];
GO

-- The migration bundle: owner of this database (tables, indexes), no server-wide right.
IF DATABASE_PRINCIPAL_ID(N'personamedia_migrator') IS NULL
    CREATE USER [personamedia_migrator] FOR LOGIN [personamedia_migrator];
-- A database restored from another server keeps its users, with that server's SIDs: map them again.
ALTER USER [personamedia_migrator] WITH LOGIN = [personamedia_migrator];
ALTER ROLE db_owner ADD MEMBER [personamedia_migrator];

-- The API: reads and writes rows, nothing else (no CREATE, ALTER or DROP). Readiness proves the write
-- with a rolled-back UPDATE of __EFMigrationsHistory, which db_datawriter allows.
IF DATABASE_PRINCIPAL_ID(N'personamedia_app') IS NULL
    CREATE USER [personamedia_app] FOR LOGIN [personamedia_app];
ALTER USER [personamedia_app] WITH LOGIN = [personamedia_app];
ALTER ROLE db_datareader ADD MEMBER [personamedia_app];
ALTER ROLE db_datawriter ADD MEMBER [personamedia_app];
IF IS_ROLEMEMBER(N'db_owner', N'personamedia_app') = 1
    ALTER ROLE db_owner DROP MEMBER [personamedia_app];
IF IS_ROLEMEMBER(N'db_ddladmin', N'personamedia_app') = 1
    ALTER ROLE db_ddladmin DROP MEMBER [personamedia_app];
GO

PRINT 'db-init: database $(DB_NAME), logins personamedia_migrator (db_owner) and personamedia_app (db_datareader, db_datawriter) ready';
