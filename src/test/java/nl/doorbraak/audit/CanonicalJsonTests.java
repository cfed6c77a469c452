package nl.doorbraak.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Records are hashed as the objects of their components, exactly as the same data in maps. */
class CanonicalJsonTests {

    record Head(String chain, long sequence, String hash) {
    }

    record Seal(List<Head> heads, String sealedAt, Long sequence, Head none) {
    }

    @Test
    void aRecordIsWrittenAsTheMapOfItsComponentsWithNullsLeftOut() {
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("sequence", 7L);
        head.put("hash", "ab\"c");
        head.put("chain", "NPLV-2026-00001");
        Map<String, Object> seal = new LinkedHashMap<>();
        seal.put("sequence", 3L);
        seal.put("heads", List.of(head));
        seal.put("sealedAt", "2026-12-05T12:00:00.000000Z");

        String fromRecords = CanonicalJson.of(new Seal(List.of(new Head("NPLV-2026-00001", 7, "ab\"c")),
                "2026-12-05T12:00:00.000000Z", 3L, null));

        assertThat(fromRecords).isEqualTo(CanonicalJson.of(seal)).isEqualTo(
                "{\"heads\":[{\"chain\":\"NPLV-2026-00001\",\"hash\":\"ab\\\"c\",\"sequence\":7}],"
                        + "\"sealedAt\":\"2026-12-05T12:00:00.000000Z\",\"sequence\":3}");
    }

    @Test
    void recordsInsideMapsAndListsAreWrittenTooAndPlainDataIsUnchanged() {
        assertThat(CanonicalJson.of(Map.of("old", List.of(new Head("c", 1, "h")))))
                .isEqualTo("{\"old\":[{\"chain\":\"c\",\"hash\":\"h\",\"sequence\":1}]}");
        assertThat(CanonicalJson.of(Map.of("b", 2L, "a", List.of("x", 1L)))).isEqualTo("{\"a\":[\"x\",1],\"b\":2}");
    }
}
