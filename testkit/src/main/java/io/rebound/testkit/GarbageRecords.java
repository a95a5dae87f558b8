package io.rebound.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Records no consumer can apply, built around one good event: not JSON, JSON of the wrong shape, the right JSON with
 * the wrong or no CloudEvents headers, empty and null values. A consumer must send each to its dead-letter topic and
 * carry on with the records behind it.
 */
public final class GarbageRecords {

    /** One garbage record: what is wrong with it, its value (may be null) and its headers. */
    public record Garbage(String name, String value, Headers headers) {
    }

    private GarbageRecords() {
    }

    /**
     * @param goodJson a good event of {@code ceType}, so the cases differ from an applied record in one way each
     * @param withoutField a required field of that event, left out in one case
     */
    public static List<Garbage> around(String goodJson, String ceType, String withoutField) {
        List<Garbage> cases = new ArrayList<>();
        cases.add(new Garbage("not JSON", "}{ this is not json", headers(ceType)));
        cases.add(new Garbage("truncated JSON", goodJson.substring(0, goodJson.length() / 2), headers(ceType)));
        cases.add(new Garbage("JSON of the wrong shape", "{\"hello\": \"world\", \"n\": [1, 2, 3]}", headers(ceType)));
        cases.add(new Garbage("a JSON array", "[" + goodJson + "]", headers(ceType)));
        cases.add(new Garbage("a JSON string", "\"" + ceType + "\"", headers(ceType)));
        cases.add(new Garbage("JSON null", "null", headers(ceType)));
        cases.add(new Garbage("required field " + withoutField + " left out",
                goodJson.replaceFirst("\"" + withoutField + "\"\\s*:\\s*(\"[^\"]*\"|[^,}]*)\\s*,?", ""), headers(ceType)));
        cases.add(new Garbage("good JSON under an unknown ce_type", goodJson, headers("rebound.nonsense.happened.v1")));
        cases.add(new Garbage("good JSON under next year's version", goodJson, headers(ceType.replaceAll("v[0-9]+$", "v99"))));
        cases.add(new Garbage("good JSON without any headers", goodJson, new RecordHeaders()));
        RecordHeaders noId = headers(ceType);
        noId.remove("ce_id");
        cases.add(new Garbage("good JSON without ce_id", goodJson, noId));
        cases.add(new Garbage("empty value", "", headers(ceType)));
        cases.add(new Garbage("null value", null, headers(ceType)));
        cases.add(new Garbage("NUL bytes", "\u0000\u0000\u0000", headers(ceType)));
        return cases;
    }

    /** CloudEvents headers as our producers write them, with a fresh id. */
    public static RecordHeaders headers(String ceType) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", ceType.getBytes(StandardCharsets.UTF_8));
        headers.add("ce_source", "/garbage-test".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_time", Instant.now().toString().getBytes(StandardCharsets.UTF_8));
        return headers;
    }
}
