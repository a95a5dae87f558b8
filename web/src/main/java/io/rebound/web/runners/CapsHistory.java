package io.rebound.web.runners;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rebound.web.client.CapsView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The caps' change history, newest first, each change's JSON put into plain lines ("REINTRODUCE volumeHardShare: 0.15"). */
public final class CapsHistory {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CapsHistory() {
    }

    public record Entry(Instant at, String by, String reason, List<String> what) {
    }

    public static List<Entry> of(CapsView caps) {
        List<Entry> entries = new ArrayList<>();
        if (caps == null || caps.changes() == null) {
            return entries;
        }
        for (CapsView.Change change : caps.changes()) {
            entries.add(new Entry(change.changedAt(), change.changedBy(), change.reason(), lines(change.changes())));
        }
        entries.sort((a, b) -> b.at() == null || a.at() == null ? 0 : b.at().compareTo(a.at()));
        return entries;
    }

    /** The fields a change set, as "path: value" lines; who and why are shown apart, so they are left out. */
    static List<String> lines(String changeJson) {
        List<String> lines = new ArrayList<>();
        if (changeJson == null || changeJson.isBlank()) {
            return lines;
        }
        try {
            flatten("", JSON.readTree(changeJson), lines);
        } catch (java.io.IOException e) {
            lines.add(changeJson);
        }
        return lines;
    }

    private static void flatten(String path, JsonNode node, List<String> lines) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = field.getKey();
                if (path.isEmpty() && (name.equals("changedBy") || name.equals("reason"))) {
                    continue;
                }
                // "phases" only groups the phases: "REINTRODUCE volumeHardShare" reads better without it.
                String next = path.isEmpty() && name.equals("phases") ? "" : path.isEmpty() ? name : path + " " + name;
                flatten(next, field.getValue(), lines);
            }
        } else if (!node.isNull()) {
            lines.add(path + ": " + node.asText());
        }
    }
}
