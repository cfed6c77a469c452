package nl.doorbraak.audit;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The canonical JSON of entries and their hashes, for reading many entries one after another
 * (verification, export): exactly the text of {@code CanonicalJson.of(entry.hashedMembers())}
 * and of {@link AuditEntry#exportLine()}, written straight from the fields in the fixed order of
 * the member names, with one buffer and one digest reused. The general path builds two maps,
 * sorts sixteen keys, escapes every string character by character, formats the timestamp with a
 * {@code DateTimeFormatter} and creates a digest per entry; over a million entries that was most
 * of the time of a verification. {@code AuditEntryTextTests} holds this class to the general
 * path. Not thread-safe: one per verification or export. Public for the benchmarks' baselines,
 * which hash the same bytes.
 */
public final class EntryText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final MessageDigest sha256;
    private final StringBuilder text = new StringBuilder(4096);
    private final byte[] digest = new byte[32];

    public EntryText() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** Whether the entry's stored hash is the hash of its contents ({@link AuditHashes#hash(AuditEntry)}). */
    boolean hashMatches(AuditEntry entry) {
        if (entry.occurredAt() == null || entry.hash() == null) {
            return AuditHashes.hash(entry).equals(entry.hash()); // cannot be stored; the general path decides
        }
        digest(entry);
        String stored = entry.hash();
        if (stored.length() != 64) {
            return false;
        }
        for (int i = 0; i < 32; i++) {
            if (stored.charAt(2 * i) != HEX[(digest[i] >> 4) & 0xf] || stored.charAt(2 * i + 1) != HEX[digest[i] & 0xf]) {
                return false;
            }
        }
        return true;
    }

    /** The hash of the entry's contents, as {@link AuditHashes#hash(AuditEntry)}. */
    public String hash(AuditEntry entry) {
        if (entry.occurredAt() == null) {
            return AuditHashes.hash(entry);
        }
        digest(entry);
        char[] hex = new char[64];
        for (int i = 0; i < 32; i++) {
            hex[2 * i] = HEX[(digest[i] >> 4) & 0xf];
            hex[2 * i + 1] = HEX[digest[i] & 0xf];
        }
        return new String(hex);
    }

    /** Appends {@link AuditEntry#exportLine()} to the text. */
    public void appendExportLine(AuditEntry entry, StringBuilder out) {
        if (entry.occurredAt() == null) {
            out.append(entry.exportLine());
            return;
        }
        members(entry, true, out);
    }

    private void digest(AuditEntry entry) {
        text.setLength(0);
        text.append(entry.prevHash()).append('\n');
        members(entry, false, text);
        // the runtime's own encoder: a vectorised copy for the usual Latin-1 text, faster than any loop here
        sha256.update(text.toString().getBytes(StandardCharsets.UTF_8));
        try {
            sha256.digest(digest, 0, digest.length);
        } catch (DigestException e) {
            throw new IllegalStateException("A SHA-256 digest is 32 bytes", e);
        }
    }

    /** The members in code point order of their names, null ones left out, as CanonicalJson writes a map. */
    private static void members(AuditEntry e, boolean export, StringBuilder out) {
        out.append('{');
        boolean[] first = {true};
        member("action", e.action(), first, out);
        member("actionDisplay", e.actionDisplay(), first, out);
        member("application", e.application(), first, out);
        member("chain", e.chain(), first, out);
        member("changes", e.changes(), first, out);
        member("explanation", e.explanation(), first, out);
        if (export) {
            member("hash", e.hash(), first, out);
        }
        member("occurredAt", timestamp(e), first, out);
        if (export) {
            member("prevHash", e.prevHash(), first, out);
        }
        member("resourceDisplay", e.resourceDisplay(), first, out);
        member("resourceId", e.resourceId(), first, out);
        member("resourceType", e.resourceType(), first, out);
        member("result", e.result(), first, out);
        out.append(first[0] ? "" : ",").append("\"sequence\":").append(e.sequence());
        first[0] = false;
        member("source", e.source(), first, out);
        member("traceId", e.traceId(), first, out);
        member("userDisplay", e.userDisplay(), first, out);
        member("userId", e.userId(), first, out);
        out.append('}');
    }

    private static void member(String key, String value, boolean[] first, StringBuilder out) {
        if (value == null) {
            return;
        }
        if (!first[0]) {
            out.append(',');
        }
        first[0] = false;
        out.append('"').append(key).append("\":");
        string(value, out);
    }

    /**
     * {@code CanonicalJson.string}, copying the runs between escapes in one go: most values need
     * none, and {@code changes} needs only quotes escaped. Control characters and surrogates,
     * which are rare, take the general path.
     */
    private static void string(String value, StringBuilder out) {
        int mark = out.length();
        out.append('"');
        int run = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append(value, run, i).append('\\').append(c);
                run = i + 1;
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                out.setLength(mark);
                CanonicalJson.appendString(value, out);
                return;
            }
        }
        out.append(value, run, value.length()).append('"');
    }

    /** {@link AuditHashes#timestamp}, without a formatter, for the years a formatter writes in four digits. */
    private static String timestamp(AuditEntry e) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(e.occurredAt().getEpochSecond(), e.occurredAt().getNano(),
                ZoneOffset.UTC);
        if (t.getYear() < 1000 || t.getYear() > 9999) {
            return AuditHashes.timestamp(e.occurredAt());
        }
        char[] out = {'0', '0', '0', '0', '-', '0', '0', '-', '0', '0', 'T', '0', '0', ':', '0', '0', ':', '0', '0',
                '.', '0', '0', '0', '0', '0', '0', 'Z'};
        digits(out, 0, 4, t.getYear());
        digits(out, 5, 2, t.getMonthValue());
        digits(out, 8, 2, t.getDayOfMonth());
        digits(out, 11, 2, t.getHour());
        digits(out, 14, 2, t.getMinute());
        digits(out, 17, 2, t.getSecond());
        digits(out, 20, 6, t.getNano() / 1000);
        return new String(out);
    }

    private static void digits(char[] out, int at, int width, int value) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
