package nl.doorbraak.platform;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * The {@code Content-Disposition} of a download, as every client reads it: a plain ASCII
 * {@code filename} (accents dropped, anything else that is not safe ASCII replaced by an
 * underscore) and, when the name is not plain ASCII, the exact name in {@code filename*} (RFC 6266,
 * RFC 8187). Spring's own builder writes the RFC 2047 form ({@code =?UTF-8?Q?...?=}) into
 * {@code filename}, which {@code curl -OJ} and other tools save literally.
 */
public final class Downloads {

    private Downloads() {
    }

    public static String attachment(String fileName) {
        String fallback = asciiFallback(fileName);
        if (fallback.equals(fileName)) {
            return "attachment; filename=\"" + fileName + "\"";
        }
        return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String asciiFallback(String fileName) {
        String withoutAccents = Normalizer.normalize(fileName, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        StringBuilder ascii = new StringBuilder();
        for (char c : withoutAccents.toCharArray()) {
            ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '/' ? c : '_');
        }
        return ascii.toString();
    }
}
