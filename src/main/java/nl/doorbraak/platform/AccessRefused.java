package nl.doorbraak.platform;

/**
 * Published whenever a caller is turned away (401, 403, or 429 for a throttled login), wherever that happens, so that the
 * refusal can be put on the audit trail without the refusing code knowing about it.
 */
public record AccessRefused(String userId, String method, String path, int status) {
}
