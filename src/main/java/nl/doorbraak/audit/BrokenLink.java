package nl.doorbraak.audit;

/**
 * Where the audit trail is broken: the chain and the sequence number at which it breaks, the
 * row at which that was found ({@code entryId}; empty when the row is missing), the seal
 * involved (for a broken seal, or a seal whose head no longer matches), and what is wrong, in
 * Dutch. For a missing entry the sequence is the one expected and the entry id that of the row
 * found in its place; for a truncated chain the sequence is the first one missing.
 */
public record BrokenLink(String chain, Long sequence, Long entryId, Long seal, String problem) {
}
