package nl.doorbraak.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Documentation the repository holds that is generated from the code: the test fails when the
 * committed file differs from what the code gives now, and {@code -Ddoorbraak.docs.write=true}
 * writes it again.
 */
public final class GeneratedDocs {

    private GeneratedDocs() {
    }

    public static void assertCurrent(Path committed, String generated) {
        try {
            if (Boolean.getBoolean("doorbraak.docs.write")) {
                Files.createDirectories(committed.toAbsolutePath().getParent());
                Files.writeString(committed, generated);
            }
            assertThat(Files.exists(committed) ? Files.readString(committed) : "")
                    .as("%s is out of date: ./mvnw test -Dtest=%s -Ddoorbraak.docs.write=true", committed,
                            StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass()
                                    .getSimpleName())
                    .isEqualTo(generated);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
