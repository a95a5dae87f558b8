package io.rebound.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The operations a service's OpenAPI document ({@code /q/openapi} on its management port) lists, each with a good
 * request body built from its schema: required fields and the optional ones that are safe to send, with values of the
 * right type, enum, format and pattern. {@link BadInputFuzzIT} breaks one thing of such a request at a time.
 */
final class ApiOperations {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    /** Optional fields that only some good requests may carry (strides only on runs, a depth only on massages...). */
    private static final Set<String> NOT_SENT_WHEN_OPTIONAL = Set.of("strides", "massageDepth", "codeVerifier", "phases",
            "afterPlan");

    /** One field of a JSON body: where it is, what the schema says it holds, and whether it must be there. */
    record Field(List<Object> path, String type, String format, boolean required, List<String> enums, Double min,
            Double max, Integer maxLength) {

        String name() {
            StringBuilder name = new StringBuilder();
            for (Object segment : path) {
                name.append(segment instanceof Integer ? "[" + segment + "]" : (name.isEmpty() ? "" : ".") + segment);
            }
            return name.toString();
        }

        String leaf() {
            return String.valueOf(path.get(path.size() - 1));
        }

        /** A time a device or app reports (when an activity started, when an event happened). */
        boolean activityTime() {
            return Set.of("startTime", "event_time", "startTimeInSeconds", "timestamp").contains(leaf());
        }
    }

    /** A path or query parameter. */
    record Param(String name, String in, boolean required, String type, String format) {
    }

    /**
     * @param body      a good body (JSON, or the parts of a multipart form), or null for none
     * @param fields    the body's fields that bad values are tried on
     * @param closed    the body's schema forbids properties it does not name
     * @param html      the operation answers a page for people, whose refusals are HTML too
     */
    record Operation(String service, String method, String path, List<Param> params, String mediaType, JsonNode body,
            List<Field> fields, boolean closed, boolean html) {

        String label() {
            return method.toUpperCase(java.util.Locale.ROOT) + " " + path;
        }

        boolean webhook() {
            return path.startsWith("/api/v1/webhooks/");
        }
    }

    private ApiOperations() {
    }

    /** The OpenAPI document the service serves. */
    static JsonNode document(ServiceProcess service) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(service.managementUrl() + "/q/openapi?format=json"))
                .header("Accept", "application/json").timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(service.managementUrl() + "/q/openapi answered " + answer.statusCode());
        }
        return JSON.readTree(answer.body());
    }

    /**
     * Every operation of the document.
     *
     * @param value a good value for a field by its name and schema, or null to derive one from the schema alone
     */
    static List<Operation> read(String service, JsonNode document, BiFunction<List<Object>, JsonNode, JsonNode> value) {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (!METHODS.contains(method.getKey())) {
                    continue;
                }
                JsonNode operation = method.getValue();
                List<Param> params = new ArrayList<>();
                List<JsonNode> declared = new ArrayList<>();
                path.getValue().path("parameters").forEach(declared::add);
                operation.path("parameters").forEach(declared::add);
                for (JsonNode param : declared) {
                    JsonNode schema = resolve(document, param.path("schema"));
                    params.add(new Param(param.path("name").asText(), param.path("in").asText(),
                            param.path("required").asBoolean(false), type(schema), schema.path("format").asText(null)));
                }
                String mediaType = null;
                JsonNode body = null;
                List<Field> fields = new ArrayList<>();
                boolean closed = false;
                Iterator<Map.Entry<String, JsonNode>> content = operation.path("requestBody").path("content").fields();
                if (content.hasNext()) {
                    Map.Entry<String, JsonNode> first = content.next();
                    mediaType = first.getKey();
                    JsonNode schema = resolve(document, first.getValue().path("schema"));
                    closed = schema.path("additionalProperties").isBoolean() && !schema.path("additionalProperties").asBoolean();
                    body = build(document, schema, new ArrayList<>(), true, fields, value);
                }
                boolean html = false;
                for (JsonNode answer : operation.path("responses")) {
                    html |= answer.path("content").has("text/html");
                }
                operations.add(new Operation(service, method.getKey(), path.getKey(), List.copyOf(params), mediaType, body,
                        List.copyOf(fields), closed, html));
            }
        }
        return operations;
    }

    /** A good value for the schema; each field it holds is added to {@code fields}. */
    private static JsonNode build(JsonNode document, JsonNode schema, List<Object> path, boolean required, List<Field> fields,
            BiFunction<List<Object>, JsonNode, JsonNode> value) {
        String type = type(schema);
        if (!path.isEmpty()) {
            List<String> enums = new ArrayList<>();
            schema.path("enum").forEach(e -> {
                if (!e.isNull()) {
                    enums.add(e.asText());
                }
            });
            fields.add(new Field(List.copyOf(path), type, schema.path("format").asText(null), required, List.copyOf(enums),
                    bound(schema, "minimum", "exclusiveMinimum"), bound(schema, "maximum", "exclusiveMaximum"),
                    schema.has("maxLength") ? schema.path("maxLength").asInt() : null));
        }
        JsonNode given = value.apply(path, schema);
        if (given != null) {
            return given;
        }
        return switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                Set<String> needed = new java.util.HashSet<>();
                schema.path("required").forEach(n -> needed.add(n.asText()));
                for (Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields(); properties.hasNext(); ) {
                    Map.Entry<String, JsonNode> property = properties.next();
                    boolean isRequired = needed.contains(property.getKey());
                    if (!isRequired && NOT_SENT_WHEN_OPTIONAL.contains(property.getKey())) {
                        continue;
                    }
                    JsonNode propertySchema = resolve(document, property.getValue());
                    if (!isRequired && "object".equals(type(propertySchema)) && !propertySchema.has("properties")) {
                        continue;
                    }
                    List<Object> inner = new ArrayList<>(path);
                    inner.add(property.getKey());
                    object.set(property.getKey(), build(document, propertySchema, inner, isRequired, fields, value));
                }
                yield object;
            }
            case "array" -> NODES.arrayNode();
            case "integer" -> NODES.numberNode(Math.round(middle(schema, 10)));
            case "number" -> NODES.numberNode(middle(schema, 10.5));
            case "boolean" -> NODES.booleanNode(false);
            default -> schema.has("enum") ? NODES.textNode(firstEnum(schema)) : NODES.textNode(text(schema));
        };
    }

    private static String firstEnum(JsonNode schema) {
        for (JsonNode e : schema.path("enum")) {
            if (!e.isNull()) {
                return e.asText();
            }
        }
        return "";
    }

    private static String text(JsonNode schema) {
        String format = schema.path("format").asText("");
        return switch (format) {
            case "date" -> java.time.LocalDate.now(Runner.ZONE).toString();
            case "date-time" -> Runner.startToday();
            case "email" -> "someone@example.org";
            case "uuid" -> java.util.UUID.randomUUID().toString();
            default -> {
                String pattern = schema.path("pattern").asText(null);
                for (String candidate : List.of("abc123", "a", "12:30", "x".repeat(43))) {
                    if (pattern == null || candidate.matches(pattern)) {
                        yield candidate;
                    }
                }
                yield "abc123";
            }
        };
    }

    private static double middle(JsonNode schema, double otherwise) {
        Double min = bound(schema, "minimum", "exclusiveMinimum");
        Double max = bound(schema, "maximum", "exclusiveMaximum");
        if (min != null && max != null) {
            return Math.floor((min + max) / 2);
        }
        if (min != null) {
            return min + 1;
        }
        return max != null ? Math.min(max - 1, otherwise) : otherwise;
    }

    private static Double bound(JsonNode schema, String inclusive, String exclusive) {
        if (schema.path(inclusive).isNumber()) {
            return schema.path(inclusive).asDouble();
        }
        return schema.path(exclusive).isNumber() ? schema.path(exclusive).asDouble() : null;
    }

    /** The schema's one JSON type: OpenAPI 3.1 writes a nullable one as {@code [type, "null"]}. */
    static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asText())) {
                    return t.asText();
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        if (schema.has("properties")) {
            return "object";
        }
        return schema.has("enum") ? "string" : "object";
    }

    /** Follows {@code $ref} (also the single one inside allOf, anyOf or oneOf) to the schema it names. */
    static JsonNode resolve(JsonNode document, JsonNode schema) {
        for (int depth = 0; depth < 20; depth++) {
            if (schema.has("$ref")) {
                String ref = schema.path("$ref").asText();
                JsonNode target = document.at(ref.substring(1));
                if (target.isMissingNode()) {
                    throw new IllegalStateException("unresolved " + ref);
                }
                schema = target;
                continue;
            }
            JsonNode only = null;
            for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
                for (JsonNode part : schema.path(combinator)) {
                    if (part.has("$ref") || part.has("properties") || part.has("type") && !"null".equals(part.path("type").asText())) {
                        only = part;
                        break;
                    }
                }
                if (only != null) {
                    break;
                }
            }
            if (only == null || schema.has("properties")) {
                return schema;
            }
            schema = only;
        }
        throw new IllegalStateException("$ref too deep: " + schema);
    }
}
