import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.io.InputStreamReader;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Verifies an export of the Doorbraak audit trail offline, without the application, its database
 * or any library: only a Java 17 runtime.
 *
 * <pre>
 *   java AuditVerify.java export.ndjson              every chain must start at sequence 1
 *   java AuditVerify.java --partial export.ndjson    a chain may start later (a period export);
 *                                                    its first link is then taken on trust
 * </pre>
 *
 * The export holds one JSON object per line (NDJSON, UTF-8), as the application exports it:
 * the hashed members of an entry plus "prevHash" and "hash". Lines of several chains may be
 * interleaved, but each chain's lines appear in sequence order. For every line this program
 * removes "prevHash" and "hash", writes the rest as canonical JSON (exactly as the application
 * does; docs/audit.md, "Canonical JSON"), and checks per chain that sequences run 1, 2, 3, ...,
 * that "prevHash" is the "hash" of the chain's previous line (64 zeros for the first), and that
 * "hash" = lowercase hex SHA-256 of UTF-8(prevHash + "\n" + canonical JSON).
 *
 * It prints what it checked and the first broken link, and ends with one machine-readable line
 * starting with "RESULT". Exit code 0: intact; 1: broken; 2: the file could not be read.
 *
 * What an export cannot show on its own: entries removed from the end of a chain. Compare the
 * last sequence and hash of each chain with the application's verification report or a seal.
 */
public class AuditVerify {

    static final String GENESIS = "0".repeat(64);
    static final String HASH_CHANGED = "Hash klopt niet: de inhoud van deze regel is gewijzigd";
    static final String LINK_BROKEN = "Verwijzing naar de vorige regel klopt niet";

    /** Where a chain stands after its last line so far. */
    static final class Chain {
        long lastSequence;
        String lastHash;
        long startedAt;
    }

    private final boolean partial;
    private final Map<String, Chain> chains = new LinkedHashMap<>();
    private long entries;
    private long problems;
    private String firstProblem;
    private String firstResult;

    AuditVerify(boolean partial) {
        this.partial = partial;
    }

    public static void main(String[] args) {
        boolean partial = false;
        String file = null;
        for (String arg : args) {
            if (arg.equals("--partial")) {
                partial = true;
            } else if (file == null && !arg.startsWith("--")) {
                file = arg;
            } else {
                file = null;
                break;
            }
        }
        if (file == null) {
            System.err.println("Gebruik: java AuditVerify.java [--partial] export.ndjson");
            System.exit(2);
        }
        AuditVerify verify = new AuditVerify(partial);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(Path.of(file)),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)))) {
            String line;
            long number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (!line.isBlank()) {
                    verify.line(number, line);
                }
            }
        } catch (CharacterCodingException e) {
            System.err.println("Het bestand is geen geldige UTF-8: " + e.getMessage());
            System.exit(2);
        } catch (IOException e) {
            System.err.println("Het bestand kan niet worden gelezen: " + e);
            System.exit(2);
        }
        System.exit(verify.report() ? 0 : 1);
    }

    void line(long number, String line) {
        Map<String, Object> members;
        try {
            members = new Parser(line).object();
        } catch (IllegalArgumentException e) {
            problem(null, null, number, "Regel is geen geldige exportregel: " + e.getMessage());
            return;
        }
        Object chainName = members.get("chain");
        Object sequence = members.get("sequence");
        Object prevHash = members.remove("prevHash");
        Object hash = members.remove("hash");
        if (!(chainName instanceof String) || !(sequence instanceof Long) || !(prevHash instanceof String)
                || !(hash instanceof String)) {
            problem(null, null, number, "Regel is geen geldige exportregel: chain, sequence, prevHash of hash "
                    + "ontbreekt of heeft de verkeerde soort waarde");
            return;
        }
        entries++;
        String name = (String) chainName;
        long position = (Long) sequence;
        Chain chain = chains.get(name);
        long expected;
        String previousHash;
        if (chain == null) {
            chain = new Chain();
            chain.startedAt = position;
            chains.put(name, chain);
            expected = partial ? position : 1;
            previousHash = partial && position > 1 ? (String) prevHash : GENESIS;
        } else {
            expected = chain.lastSequence + 1;
            previousHash = chain.lastHash;
        }
        if (position != expected) {
            problem(name, expected, number, (position > expected ? "Regel ontbreekt: volgnummer "
                    : "Volgorde klopt niet: volgnummer ") + expected + " verwacht, " + position + " gevonden");
        } else if (!previousHash.equals(prevHash)) {
            problem(name, position, number, LINK_BROKEN);
        }
        if (!hash((String) prevHash, canonical(members)).equals(hash)) {
            problem(name, position, number, HASH_CHANGED);
        }
        chain.lastSequence = position;
        chain.lastHash = (String) hash;
    }

    private void problem(String chain, Long sequence, long line, String problem) {
        problems++;
        if (firstProblem == null) {
            firstProblem = "Eerste breuk: " + (chain == null ? "" : "keten " + chain + ", volgnummer " + sequence + ", ")
                    + "regel " + line + " van het bestand: " + problem;
            firstResult = (chain == null ? "" : " chain=" + chain + " sequence=" + sequence) + " line=" + line
                    + " problem=\"" + problem.replace("\"", "'") + "\"";
        }
    }

    boolean report() {
        System.out.println("Ketens gecontroleerd: " + chains.size());
        System.out.println("Regels gecontroleerd: " + entries);
        chains.forEach((name, chain) -> {
            String start = chain.startedAt > 1 ? " (begint bij " + chain.startedAt
                    + "; de regels daarvoor staan niet in het bestand)" : "";
            System.out.println("  " + name + ": laatste regel " + chain.lastSequence + ", hash " + chain.lastHash
                    + start);
        });
        if (problems == 0) {
            System.out.println("Resultaat: intact. Controleer de laatste regel van elke keten tegen de kop of een "
                    + "zegel om ook inkorting uit te sluiten.");
            System.out.println("RESULT ok=true chains=" + chains.size() + " entries=" + entries + " problems=0");
            return true;
        }
        System.out.println("Resultaat: GEBROKEN, " + problems + (problems == 1 ? " breuk" : " breuken"));
        System.out.println(firstProblem);
        System.out.println("RESULT ok=false chains=" + chains.size() + " entries=" + entries + " problems=" + problems
                + firstResult);
        return false;
    }

    // ---- the hash: exactly as nl.doorbraak.audit.AuditHashes

    static String hash(String prevHash, String canonicalJson) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((prevHash + "\n" + canonicalJson).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    // ---- canonical JSON: a copy of nl.doorbraak.audit.CanonicalJson; keep the two identical

    static String canonical(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value instanceof Map<?, ?> map) {
            TreeMap<String, Object> sorted = new TreeMap<>();
            map.forEach((key, member) -> {
                if (member != null) {
                    sorted.put(key.toString(), member);
                }
            });
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> member : sorted.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(member.getKey(), out);
                out.append(':');
                write(member.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                if (list.get(i) == null) {
                    out.append("null");
                } else {
                    write(list.get(i), out);
                }
            }
            out.append(']');
        } else if (value instanceof Long || value instanceof Integer) {
            out.append(value);
        } else if (value instanceof Boolean) {
            out.append(value);
        } else {
            string(value.toString(), out);
        }
    }

    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || isLoneSurrogate(text, i)) {
                        // a lone surrogate has no UTF-8 form: escaped, two different ones never hash alike
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean isLoneSurrogate(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
        }
        return false;
    }

    // ---- a parser for one flat JSON object whose values are strings, integers, booleans or null

    static final class Parser {
        private final String text;
        private int at;

        Parser(String text) {
            this.text = text;
        }

        Map<String, Object> object() {
            Map<String, Object> members = new LinkedHashMap<>();
            space();
            expect('{');
            space();
            if (peek() == '}') {
                at++;
            } else {
                while (true) {
                    space();
                    String key = string();
                    space();
                    expect(':');
                    space();
                    Object value = value();
                    if (members.containsKey(key)) {
                        throw new IllegalArgumentException("\"" + key + "\" staat er twee keer in");
                    }
                    members.put(key, value);
                    space();
                    char next = next();
                    if (next == '}') {
                        break;
                    }
                    if (next != ',') {
                        throw new IllegalArgumentException("',' of '}' verwacht op positie " + at);
                    }
                }
            }
            space();
            if (at != text.length()) {
                throw new IllegalArgumentException("tekst na het einde van het object, positie " + at);
            }
            return members;
        }

        private Object value() {
            char c = peek();
            if (c == '"') {
                return string();
            }
            if (c == '-' || (c >= '0' && c <= '9')) {
                return integer();
            }
            if (text.startsWith("null", at)) {
                at += 4;
                return null;
            }
            if (text.startsWith("true", at)) {
                at += 4;
                return Boolean.TRUE;
            }
            if (text.startsWith("false", at)) {
                at += 5;
                return Boolean.FALSE;
            }
            throw new IllegalArgumentException("een tekst, geheel getal of null verwacht op positie " + at
                    + " (een exportregel bevat geen geneste objecten, lijsten of breuken)");
        }

        private Long integer() {
            int start = at;
            if (peek() == '-') {
                at++;
            }
            if (at < text.length() && text.charAt(at) == '0') {
                at++;
            } else {
                if (at >= text.length() || text.charAt(at) < '1' || text.charAt(at) > '9') {
                    throw new IllegalArgumentException("ongeldig getal op positie " + start);
                }
                while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
                    at++;
                }
            }
            if (at < text.length() && (text.charAt(at) == '.' || text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
                throw new IllegalArgumentException("alleen gehele getallen, positie " + start);
            }
            try {
                return Long.parseLong(text.substring(start, at));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("getal te groot op positie " + start);
            }
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return out.toString();
                }
                if (c < 0x20) {
                    throw new IllegalArgumentException("onbeschermd stuurteken in tekst op positie " + (at - 1));
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char escape = next();
                switch (escape) {
                    case '"' -> out.append('"');
                    case '\\' -> out.append('\\');
                    case '/' -> out.append('/');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (at + 4 > text.length()) {
                            throw new IllegalArgumentException("onvolledige \\u op positie " + at);
                        }
                        int code = 0;
                        for (int i = 0; i < 4; i++) {
                            char h = text.charAt(at + i);
                            int digit = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10
                                    : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
                            if (digit < 0) {
                                throw new IllegalArgumentException("ongeldige \\u op positie " + at);
                            }
                            code = code * 16 + digit;
                        }
                        out.append((char) code);
                        at += 4;
                    }
                    default -> throw new IllegalArgumentException("ongeldige escape \\" + escape + " op positie "
                            + (at - 1));
                }
            }
        }

        private void space() {
            while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t'
                    || text.charAt(at) == '\r' || text.charAt(at) == '\n')) {
                at++;
            }
        }

        private char peek() {
            if (at >= text.length()) {
                throw new IllegalArgumentException("regel houdt onverwacht op");
            }
            return text.charAt(at);
        }

        private char next() {
            char c = peek();
            at++;
            return c;
        }

        private void expect(char c) {
            if (next() != c) {
                throw new IllegalArgumentException("'" + c + "' verwacht op positie " + (at - 1));
            }
        }
    }
}
