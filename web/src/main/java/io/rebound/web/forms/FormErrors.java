package io.rebound.web.forms;

import io.rebound.web.client.ApiProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a service refused in a form, ready to show: a message next to each field it named, and the rest above the
 * form. A service names fields by their JSON path ({@code runner.email}, {@code phases.REBUILD.runDaysSoft}); the
 * form's {@code fields} table says which input each path is (an exact path, else the longest path ending it).
 */
public final class FormErrors {

    private final Map<String, String> byField;
    private final List<String> general;

    private FormErrors(Map<String, String> byField, List<String> general) {
        this.byField = byField;
        this.general = general;
    }

    public static FormErrors none() {
        return new FormErrors(Map.of(), List.of());
    }

    /** One message for one input, when the web app itself finds the value wrong. */
    public static FormErrors field(String input, String message) {
        return new FormErrors(Map.of(input, message), List.of());
    }

    /** Messages for inputs, when the web app itself finds the values wrong. */
    public static FormErrors fields(Map<String, String> messages) {
        return new FormErrors(Map.copyOf(messages), List.of());
    }

    /** Messages for inputs and above the form. */
    public static FormErrors of(Map<String, String> messages, List<String> general) {
        return new FormErrors(Map.copyOf(messages), List.copyOf(general));
    }

    /** One message above the form. */
    public static FormErrors general(String message) {
        return new FormErrors(Map.of(), List.of(message));
    }

    /**
     * @param fields from a service's field path (or the end of one) to the form input it belongs to
     */
    public static FormErrors from(ApiProblem problem, Map<String, String> fields) {
        Map<String, String> byField = new LinkedHashMap<>();
        List<String> general = new ArrayList<>();
        for (ApiProblem.FieldError error : problem.fieldErrors()) {
            String input = inputFor(error.field(), fields);
            String message = sentence(error.message());
            if (input == null) {
                general.add(error.field() == null || error.field().isBlank() ? message : error.field() + " " + message);
            } else {
                byField.merge(input, message, (a, b) -> a + " " + b);
            }
        }
        if (byField.isEmpty() && general.isEmpty()) {
            String detail = problem.detail() != null && !problem.detail().isBlank() ? problem.detail() : problem.title();
            general.add(sentence(detail == null ? "That did not work; please check the form and try again." : detail));
        }
        return new FormErrors(Map.copyOf(byField), List.copyOf(general));
    }

    static String inputFor(String path, Map<String, String> fields) {
        if (path == null) {
            return null;
        }
        String exact = fields.get(path);
        if (exact != null) {
            return exact;
        }
        String best = null;
        int bestLength = -1;
        for (Map.Entry<String, String> entry : fields.entrySet()) {
            String key = entry.getKey();
            if ((path.endsWith("." + key)) && key.length() > bestLength) {
                best = entry.getValue();
                bestLength = key.length();
            }
        }
        return best;
    }

    /** The message with a capital letter and a full stop: "must be at least 0" reads "Must be at least 0." */
    static String sentence(String message) {
        if (message == null || message.isBlank()) {
            return "This value was not accepted.";
        }
        String text = message.strip();
        text = Character.toUpperCase(text.charAt(0)) + text.substring(1);
        return text.endsWith(".") || text.endsWith("!") || text.endsWith("?") ? text : text + ".";
    }

    public boolean any() {
        return !byField.isEmpty() || !general.isEmpty();
    }

    public boolean has(String input) {
        return byField.containsKey(input);
    }

    /** The message for an input, or null. */
    public String get(String input) {
        return byField.get(input);
    }

    public Map<String, String> byField() {
        return byField;
    }

    public List<String> general() {
        return general;
    }
}
