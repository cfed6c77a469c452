package nl.doorbraak.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the Camunda Forms on the classpath: which kind of component shows a variable. */
final class FormComponents {

    private FormComponents() {
    }

    /** The type of the component bound to the key ("textfield", "textarea", "text", …), or null. */
    static String typeOf(String form, String key) {
        try (InputStream in = FormComponents.class.getClassLoader().getResourceAsStream(form)) {
            return find(new ObjectMapper().readTree(in).path("components"), key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String find(JsonNode components, String key) {
        for (JsonNode component : components) {
            if (key.equals(component.path("key").asText())) {
                return component.path("type").asText();
            }
            String nested = find(component.path("components"), key);
            if (nested != null) {
                return nested;
            }
        }
        return null;
    }
}
