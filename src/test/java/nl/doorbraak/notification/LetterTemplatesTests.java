package nl.doorbraak.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The letter templates' small language: values, sections, lists, inverted sections and included templates. */
class LetterTemplatesTests {

    @Test
    void aLetterHasItsSubjectLineAndTheTextWithoutTheLinesOfSectionTags() {
        Map<String, Object> values = new HashMap<>();
        values.put("reference", "NPLV-2026-00001");
        values.put("name", "college");
        values.put("granted", true);
        values.put("date", LocalDate.of(2026, 12, 5));
        values.put("lines", List.of(Map.of("ministry", "SZW", "amount", "€ 800.000,00"),
                Map.of("ministry", "OCW", "amount", "€ 2.400.000,00")));
        values.put("tags", List.of("a", "b"));

        LetterTemplates.Rendered letter = LetterTemplates.letter("renderer-sample", values);

        assertThat(letter.subject()).isEqualTo("Onderwerp NPLV-2026-00001");
        assertThat(letter.text()).isEqualTo("""
                Beste college,
                Toegekend per 5 december 2026.
                - SZW: € 800.000,00
                - OCW: € 2.400.000,00
                [a][b]
                Groet aan college.
                """);
    }

    @Test
    void anEmptyListOrFalseShowsTheInvertedSectionOnly() {
        Map<String, Object> values = new HashMap<>();
        values.put("reference", "R");
        values.put("name", "college");
        values.put("granted", false);
        values.put("lines", List.of());
        values.put("tags", List.of());
        assertThat(LetterTemplates.letter("renderer-sample", values).text())
                .isEqualTo("Beste college,\nAfgewezen.\n\nGroet aan college.\n");
    }

    @Test
    void aValueTheTemplateUsesButTheCodeDoesNotGiveIsAnError() {
        assertThatThrownBy(() -> LetterTemplates.render("renderer-sample", Map.of("reference", "R")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> LetterTemplates.render("no-such-letter", Map.of()))
                .hasMessageContaining("letters/no-such-letter.txt");
    }
}
