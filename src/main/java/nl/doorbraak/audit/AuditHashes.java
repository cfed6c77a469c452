package nl.doorbraak.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/** The hash of an entry or seal: SHA-256 over the previous hash, a newline and the canonical JSON. */
public final class AuditHashes {

    public static final String GENESIS = "0".repeat(64);

    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(java.time.ZoneOffset.UTC);

    private AuditHashes() {
    }

    public static String hash(String prevHash, String canonicalJson) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((prevHash + "\n" + canonicalJson).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    public static String hash(AuditEntry entry) {
        return hash(entry.prevHash(), CanonicalJson.of(entry.hashedMembers()));
    }

    /** Timestamps are hashed in UTC with exactly six decimals, the precision PostgreSQL keeps. */
    static String timestamp(Instant instant) {
        return MICROS.format(instant);
    }

    static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
