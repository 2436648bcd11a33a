-- MediaFileRepository.FindOwnedAsync
SELECT TOP(1) [m].[id], [m].[created_at], [m].[description], [m].[duration_seconds], [m].[file_name], [m].[file_size], [m].[has_audio], [m].[height], [m].[media_type], [m].[metadata_removed], [m].[mime_type], [m].[original_file_name], [m].[persona_id], [m].[sha256], [m].[updated_at], [m].[user_id], [m].[video_codec], [m].[width]
FROM [media_files] AS [m]
WHERE [m].[id] = @fileId AND [m].[user_id] = @userId;

-- MediaFileRepository.FindOwnedDtoAsync
SELECT TOP(1) [m].[id], [m].[file_name], [m].[original_file_name], [m].[file_size], [m].[mime_type], [m].[media_type], [m].[persona_id], [m].[user_id], [m].[description], [m].[sha256], [m].[width], [m].[height], [m].[duration_seconds], [m].[video_codec], [m].[has_audio], [m].[metadata_removed], [m].[created_at], [m].[updated_at]
FROM [media_files] AS [m]
WHERE [m].[user_id] = @userId AND [m].[id] = @fileId;

-- MediaFileRepository.FindDtoAsync
SELECT TOP(1) [m].[id], [m].[file_name], [m].[original_file_name], [m].[file_size], [m].[mime_type], [m].[media_type], [m].[persona_id], [m].[user_id], [m].[description], [m].[sha256], [m].[width], [m].[height], [m].[duration_seconds], [m].[video_codec], [m].[has_audio], [m].[metadata_removed], [m].[created_at], [m].[updated_at]
FROM [media_files] AS [m]
WHERE [m].[id] = @fileId;

-- MediaFileRepository.ListByPersonaAsync (all types)
SELECT COUNT(*)
FROM [media_files] AS [m]
WHERE [m].[user_id] = @userId AND [m].[persona_id] = @personaId;
SELECT [m].[id], [m].[file_name], [m].[original_file_name], [m].[file_size], [m].[mime_type], [m].[media_type], [m].[persona_id], [m].[user_id], [m].[description], [m].[sha256], [m].[width], [m].[height], [m].[duration_seconds], [m].[video_codec], [m].[has_audio], [m].[metadata_removed], [m].[created_at], [m].[updated_at]
FROM [media_files] AS [m]
WHERE [m].[user_id] = @userId AND [m].[persona_id] = @personaId
ORDER BY [m].[created_at] DESC, [m].[id] DESC
OFFSET @p ROWS FETCH NEXT @p3 ROWS ONLY;

-- MediaFileRepository.ListByPersonaAsync (one type)
SELECT COUNT(*)
FROM [media_files] AS [m]
WHERE [m].[user_id] = @userId AND [m].[persona_id] = @personaId AND [m].[media_type] = @type;
SELECT [m].[id], [m].[file_name], [m].[original_file_name], [m].[file_size], [m].[mime_type], [m].[media_type], [m].[persona_id], [m].[user_id], [m].[description], [m].[sha256], [m].[width], [m].[height], [m].[duration_seconds], [m].[video_codec], [m].[has_audio], [m].[metadata_removed], [m].[created_at], [m].[updated_at]
FROM [media_files] AS [m]
WHERE [m].[user_id] = @userId AND [m].[persona_id] = @personaId AND [m].[media_type] = @type
ORDER BY [m].[created_at] DESC, [m].[id] DESC
OFFSET @p ROWS FETCH NEXT @p4 ROWS ONLY;

-- MediaFileRepository.SaveIfUnchangedAsync
UPDATE [m]
SET [m].[description] = @p,
    [m].[updated_at] = @p3
FROM [media_files] AS [m]
WHERE [m].[id] = @file_Id AND [m].[updated_at] = @expectedUpdatedAt;

-- MediaFileRepository.ListStorageKeysOfPersonaAsync
SELECT [m].[file_name]
FROM [media_files] AS [m]
WHERE [m].[user_id] = @userId AND [m].[persona_id] = @personaId;

-- MediaFileRepository.GetUsageAsync
SELECT [m].[persona_id], [m].[media_type], COUNT(*), COALESCE(SUM([m].[file_size]), CAST(0 AS bigint))
FROM [media_files] AS [m]
WHERE [m].[user_id] = @userId
GROUP BY [m].[persona_id], [m].[media_type];

-- PersonaRepository.FindOwnedAsync
SELECT TOP(1) [p].[id], [p].[created_at], [p].[deletion_started_at], [p].[description], [p].[name], [p].[relation_type], [p].[updated_at], [p].[user_id]
FROM [personas] AS [p]
WHERE [p].[deletion_started_at] IS NULL AND [p].[id] = @personaId AND [p].[user_id] = @userId;

-- PersonaRepository.FindOwnedDtoAsync
SELECT TOP(1) [p].[id], [p].[user_id], [p].[name], [p].[description], [p].[relation_type], [p].[created_at], [p].[updated_at]
FROM [personas] AS [p]
WHERE [p].[deletion_started_at] IS NULL AND [p].[user_id] = @userId AND [p].[id] = @personaId;

-- PersonaRepository.SaveIfUnchangedAsync
UPDATE [p]
SET [p].[name] = @p,
    [p].[description] = NULL,
    [p].[relation_type] = @p4,
    [p].[updated_at] = @p5
FROM [personas] AS [p]
WHERE [p].[deletion_started_at] IS NULL AND [p].[id] = @persona_Id AND [p].[updated_at] = @expectedUpdatedAt;

-- PersonaRepository.ExistsOwnedAsync
SELECT CASE
    WHEN EXISTS (
        SELECT 1
        FROM [personas] AS [p]
        WHERE [p].[deletion_started_at] IS NULL AND [p].[id] = @personaId AND [p].[user_id] = @userId) THEN CAST(1 AS bit)
    ELSE CAST(0 AS bit)
END;

-- PersonaRepository.StillExistsAsync
SELECT CASE
    WHEN EXISTS (
        SELECT 1
        FROM [personas] AS [p]
        WHERE [p].[deletion_started_at] IS NULL AND [p].[id] = @personaId AND [p].[user_id] = @userId) THEN CAST(1 AS bit)
    ELSE CAST(0 AS bit)
END;

-- PersonaRepository.ListOwnedAsync
SELECT [p].[id], [p].[user_id], [p].[name], [p].[description], [p].[relation_type], [p].[created_at], [p].[updated_at]
FROM [personas] AS [p]
WHERE [p].[deletion_started_at] IS NULL AND [p].[user_id] = @userId
ORDER BY [p].[id];

-- MediaFileRepository.RemoveBatchOfPersonaAsync
SELECT TOP(@p) [m].[id]
FROM [media_files] AS [m]
WHERE [m].[persona_id] = @personaId
ORDER BY [m].[id];

-- PersonaRepository.StartDeletionAsync
UPDATE [p]
SET [p].[deletion_started_at] = @p
FROM [personas] AS [p]
WHERE [p].[deletion_started_at] IS NULL AND [p].[id] = @personaId AND [p].[user_id] = @userId;

-- PersonaRepository.FindBeingDeletedAsync
SELECT TOP(1) [p].[id], [p].[created_at], [p].[deletion_started_at], [p].[description], [p].[name], [p].[relation_type], [p].[updated_at], [p].[user_id]
FROM [personas] AS [p]
WHERE [p].[id] = @personaId AND [p].[deletion_started_at] IS NOT NULL;

-- PersonaRepository.ListStalledDeletionsAsync
SELECT TOP(@p) [p].[id], [p].[created_at], [p].[deletion_started_at], [p].[description], [p].[name], [p].[relation_type], [p].[updated_at], [p].[user_id]
FROM [personas] AS [p]
WHERE [p].[deletion_started_at] IS NOT NULL AND [p].[deletion_started_at] < @startedBefore
ORDER BY [p].[deletion_started_at];

-- UploadIdempotencyKeyRepository.FindAsync
SELECT TOP(1) [u].[id], [u].[created_at], [u].[expires_at], [u].[key], [u].[media_file_id], [u].[request_hash], [u].[user_id]
FROM [upload_idempotency_keys] AS [u]
WHERE [u].[user_id] = @userId AND [u].[key] = @key;

-- UploadIdempotencyKeyRepository.RemoveIfExpiredAsync
DELETE FROM [u]
FROM [upload_idempotency_keys] AS [u]
WHERE [u].[user_id] = @userId AND [u].[key] = @key AND [u].[expires_at] <= @now;

-- UploadIdempotencyKeyRepository.RemoveExpiredAsync
DELETE FROM [u]
FROM [upload_idempotency_keys] AS [u]
WHERE [u].[id] IN (
    SELECT TOP(@limit) [u0].[id]
    FROM [upload_idempotency_keys] AS [u0]
    WHERE [u0].[expires_at] <= @now
    ORDER BY [u0].[expires_at]
);

-- PendingDeletionRepository.ListDueAsync
SELECT TOP(@p) [p].[id], [p].[attempts], [p].[created_at], [p].[key], [p].[last_error], [p].[next_attempt_at]
FROM [pending_deletions] AS [p]
WHERE [p].[next_attempt_at] <= @now
ORDER BY [p].[next_attempt_at], [p].[id];

-- PendingDeletionRepository.CountAsync
SELECT COUNT(*)
FROM [pending_deletions] AS [p];

-- UserRepository.FindByEmailAsync
SELECT TOP(1) [u].[id], [u].[created_at], [u].[email], [u].[full_name], [u].[normalized_email], [u].[normalized_username], [u].[password_hash], [u].[security_stamp], [u].[used_bytes], [u].[username], [u].[username_skeleton]
FROM [users] AS [u]
WHERE [u].[normalized_email] = @normalized;

-- UserRepository.FindDtoAsync
SELECT TOP(1) [u].[id], [u].[email], [u].[username], [u].[full_name], [u].[created_at]
FROM [users] AS [u]
WHERE [u].[id] = @id;

-- UserRepository.FindAsync
SELECT TOP(1) [u].[id], [u].[created_at], [u].[email], [u].[full_name], [u].[normalized_email], [u].[normalized_username], [u].[password_hash], [u].[security_stamp], [u].[used_bytes], [u].[username], [u].[username_skeleton]
FROM [users] AS [u]
WHERE [u].[id] = @id;

-- UserRepository.GetSecurityStampAsync
SELECT TOP(1) [u].[security_stamp]
FROM [users] AS [u]
WHERE [u].[id] = @id;

-- RefreshTokenRepository.FindByHashAsync
SELECT TOP(1) [r].[id], [r].[created_at], [r].[expires_at], [r].[family_id], [r].[revoked_at], [r].[security_stamp], [r].[token_hash], [r].[used_at], [r].[user_id]
FROM [refresh_tokens] AS [r]
WHERE [r].[token_hash] = @tokenHash;

-- RefreshTokenRepository.RotateAsync (1: the account's row lock, while its stamp is the token's)
UPDATE [u]
SET [u].[security_stamp] = [u].[security_stamp]
FROM [users] AS [u]
WHERE [u].[id] = @userId AND [u].[security_stamp] = @stamp;

-- RefreshTokenRepository.RotateAsync (2: the token used up, if still usable)
UPDATE [r]
SET [r].[used_at] = @p
FROM [refresh_tokens] AS [r]
WHERE [r].[id] = @tokenId AND [r].[used_at] IS NULL AND [r].[revoked_at] IS NULL AND [r].[expires_at] > @now;

-- RefreshTokenRepository.RevokeFamilyAsync (1: the account's row lock)
UPDATE [u]
SET [u].[security_stamp] = [u].[security_stamp]
FROM [users] AS [u]
WHERE [u].[id] = @userId;

-- RefreshTokenRepository.RevokeFamilyAsync (2)
UPDATE [r]
SET [r].[revoked_at] = @p
FROM [refresh_tokens] AS [r]
WHERE [r].[family_id] = @familyId AND [r].[revoked_at] IS NULL;

-- RefreshTokenRepository.RevokeAllOfUserAsync (2, after the lock)
UPDATE [r]
SET [r].[revoked_at] = @p
FROM [refresh_tokens] AS [r]
WHERE [r].[user_id] = @userId AND [r].[revoked_at] IS NULL;

-- UserRepository.IsTakenAsync
SELECT CASE
    WHEN EXISTS (
        SELECT 1
        FROM [users] AS [u]
        WHERE [u].[normalized_email] = @normalizedEmail OR [u].[normalized_username] = @normalizedUsername OR [u].[username_skeleton] = @usernameSkeleton) THEN CAST(1 AS bit)
    ELSE CAST(0 AS bit)
END;

-- StorageQuota.GetUsedBytesAsync
SELECT TOP(1) [u].[used_bytes]
FROM [users] AS [u]
WHERE [u].[id] = @userId;

-- StorageUsage.ApplyAsync (a persona deleted, a file deleted, a file added)
UPDATE [u]
SET [u].[used_bytes] = [u].[used_bytes] - (
    SELECT COALESCE(SUM([m].[file_size]), CAST(0 AS bigint))
    FROM [media_files] AS [m]
    WHERE [m].[persona_id] = @personaId)
FROM [users] AS [u]
WHERE [u].[id] = @userId;
UPDATE [u]
SET [u].[used_bytes] = [u].[used_bytes] + @bytes
FROM [users] AS [u]
WHERE [u].[id] = @userId AND [u].[used_bytes] + @bytes <= @_8__locals2_quotaBytes;
SELECT CASE
    WHEN EXISTS (
        SELECT 1
        FROM [users] AS [u]
        WHERE [u].[id] = @userId) THEN CAST(1 AS bit)
    ELSE CAST(0 AS bit)
END;

