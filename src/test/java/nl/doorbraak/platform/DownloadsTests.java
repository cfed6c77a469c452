package nl.doorbraak.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.ContentDisposition;

class DownloadsTests {

    @Test
    void aPlainNameIsGivenAsItIs() {
        assertThat(Downloads.attachment("besluiten.csv")).isEqualTo("attachment; filename=\"besluiten.csv\"");
    }

    @Test
    void anAccentedNameGetsAnAsciiFallbackAndTheExactNameInFilenameStar() {
        String header = Downloads.attachment("Onderbouwing één wijk – 2027.pdf");
        assertThat(header).isEqualTo("attachment; filename=\"Onderbouwing een wijk _ 2027.pdf\"; "
                + "filename*=UTF-8''Onderbouwing%20%C3%A9%C3%A9n%20wijk%20%E2%80%93%202027.pdf")
                .doesNotContain("=?UTF-8?");
        // a reader that understands filename* gets the exact name back
        assertThat(ContentDisposition.parse(header).getFilename()).isEqualTo("Onderbouwing één wijk – 2027.pdf");
    }

    @Test
    void quotesAndPathsCannotBreakOutOfTheHeader() {
        assertThat(Downloads.attachment("a\"b\\c/d.txt")).startsWith("attachment; filename=\"a_b_c_d.txt\"; filename*=");
    }
}
