package nl.doorbraak.request;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Recognises the allowed kinds of document from their content, never from their name or the
 * declared type: PDF, DOCX, XLSX (Office Open XML), ODT, ODS (OpenDocument), PNG and JPEG.
 * Anything else — an executable renamed to .pdf, a script, a zip of other things — is not one.
 */
final class DocumentTypes {

    private DocumentTypes() {
    }

    static Optional<String> detect(byte[] content) {
        if (startsWith(content, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of("application/pdf");
        }
        if (startsWith(content, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) {
            return Optional.of("image/png");
        }
        if (startsWith(content, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(content, new byte[] {'P', 'K', 3, 4})) {
            return zipPackage(content);
        }
        return Optional.empty();
    }

    /** Office Open XML names its parts; OpenDocument starts with a "mimetype" entry that says what it is. */
    private static Optional<String> zipPackage(byte[] content) {
        boolean contentTypes = false;
        boolean word = false;
        boolean excel = false;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry entry = zip.getNextEntry();
            if (entry != null && entry.getName().equals("mimetype")) {
                String mimetype = new String(zip.readNBytes(100), StandardCharsets.US_ASCII).trim();
                return switch (mimetype) {
                    case "application/vnd.oasis.opendocument.text" -> Optional.of(mimetype);
                    case "application/vnd.oasis.opendocument.spreadsheet" -> Optional.of(mimetype);
                    default -> Optional.empty();
                };
            }
            for (int entries = 0; entry != null && entries < 10_000; entries++) {
                String name = entry.getName();
                contentTypes |= name.equals("[Content_Types].xml");
                word |= name.startsWith("word/");
                excel |= name.startsWith("xl/");
                entry = zip.getNextEntry();
            }
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        if (contentTypes && word && !excel) {
            return Optional.of("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        }
        if (contentTypes && excel && !word) {
            return Optional.of("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        }
        return Optional.empty();
    }

    /** A file name that is safe to store and to send back: no path, no control characters, not too long. */
    static String safeFileName(String original) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\"<>|:*?]", "_").strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        if (name.isBlank()) {
            name = "document";
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
