package nl.doorbraak.platform.validation;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;

/**
 * A JSON object with a key twice ({@code {"title":"a","title":"b"}}) is refused by the parser
 * ({@code spring.jackson.parser.strict-duplicate-detection}): which value was meant cannot be
 * known, and reading the last one silently would let a body mean one thing to a proxy or log
 * and another to the application. This names the field, with its path ({@code budgetLines[0].amount}).
 * The parser stops at the first duplicate, so only that one is reported.
 */
public final class DuplicateKeys {

    /** Jackson has no own type for this refusal; its message is stable since 2.3. */
    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate field '(.*)'$", Pattern.DOTALL);

    private DuplicateKeys() {
    }

    public static Optional<FieldError> of(Throwable cause) {
        if (!(cause instanceof JsonParseException parse) || parse.getOriginalMessage() == null) {
            return Optional.empty();
        }
        Matcher duplicate = DUPLICATE.matcher(parse.getOriginalMessage());
        if (!duplicate.matches()) {
            return Optional.empty();
        }
        JsonParser parser = parse.getProcessor();
        String path = parser != null && parser.getParsingContext() != null
                ? path(parser.getParsingContext()) : duplicate.group(1);
        return Optional.of(new FieldError(path, "Het veld '" + echo(path)
                + "' komt meer dan eens voor; noem elk veld één keer."));
    }

    /** The path of the current field: the object's name in its parent, down to the duplicate key. */
    private static String path(JsonStreamContext context) {
        if (context == null || context.inRoot()) {
            return "";
        }
        String parent = path(context.getParent());
        if (context.inArray()) {
            return parent + "[" + context.getCurrentIndex() + "]";
        }
        String name = String.valueOf(context.getCurrentName());
        return parent.isEmpty() ? name : parent + "." + name;
    }

    private static String echo(String path) {
        String shown = path.length() > 80 ? path.substring(0, 80) + "…" : path;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
