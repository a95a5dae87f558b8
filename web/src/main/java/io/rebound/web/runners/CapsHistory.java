package io.rebound.web.runners;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rebound.web.client.CapsView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import io.rebound.web.format.Units;

/** The caps' change history, newest first, each change's JSON put into plain lines ("REINTRODUCE volumeHardShare: 0.15"). */
public final class CapsHistory {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CapsHistory() {
    }

    public record Entry(Instant at, String by, String reason, List<String> what) {
    }

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("runDaysSoft", "run days before a warning"),
            Map.entry("runDaysHard", "run days before an overload"),
            Map.entry("singleRunMetres", "longest single run"),
            Map.entry("volumeSoftShare", "total running before a warning"),
            Map.entry("volumeHardShare", "total running before an overload"),
            Map.entry("crossTrainingDaysMax", "cross-training days"),
            Map.entry("crossTrainingSessionMinutes", "longest cross-training session (min)"),
            Map.entry("runningAllowed", "running allowed"),
            Map.entry("injured", "marked injured"),
            Map.entry("acwrWarning", "workload ratio before a warning"),
            Map.entry("acwrOverload", "workload ratio before an overload"),
            Map.entry("singleRunJumpShare", "longest-run jump before a warning"));

    /** @param unit the runner's unit, for distances */
    public static List<Entry> of(CapsView caps, String unit) {
        List<Entry> entries = new ArrayList<>();
        if (caps == null || caps.changes() == null) {
            return entries;
        }
        for (CapsView.Change change : caps.changes()) {
            entries.add(new Entry(change.changedAt(), change.changedBy(), change.reason(), lines(change.changes(), unit)));
        }
        entries.sort((a, b) -> b.at() == null || a.at() == null ? 0 : b.at().compareTo(a.at()));
        return entries;
    }

    /** The fields a change set, as "path: value" lines; who and why are shown apart, so they are left out. */
    static List<String> lines(String changeJson, String unit) {
        List<String> lines = new ArrayList<>();
        if (changeJson == null || changeJson.isBlank()) {
            return lines;
        }
        try {
            flatten("", JSON.readTree(changeJson), lines, unit);
        } catch (java.io.IOException e) {
            lines.add(changeJson);
        }
        return lines;
    }

    private static void flatten(String path, JsonNode node, List<String> lines, String unit) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = field.getKey();
                if (path.isEmpty() && (name.equals("changedBy") || name.equals("reason"))) {
                    continue;
                }
                // "phases" only groups the phases: "REINTRODUCE volumeHardShare" reads better without it.
                if (path.isEmpty() && name.equals("phases")) {
                    flatten("", field.getValue(), lines, unit);
                } else if (field.getValue().isObject()) {
                    flatten(path.isEmpty() ? title(name) : path + " " + name, field.getValue(), lines, unit);
                } else if (!field.getValue().isNull()) {
                    lines.add((path.isEmpty() ? "" : path + ": ") + NAMES.getOrDefault(name, name) + " "
                            + value(name, field.getValue(), unit));
                }
            }
        }
    }

    private static String value(String name, JsonNode value, String unit) {
        if (value.isNumber() && name.endsWith("Share")) {
            return Units.percent(value.asDouble());
        }
        if (value.isNumber() && name.endsWith("Metres")) {
            return Units.distance(value.asDouble(), unit);
        }
        if (value.isBoolean()) {
            return value.asBoolean() ? "yes" : "no";
        }
        return value.asText();
    }

    /** "REINTRODUCE" reads "Reintroduce", "afterPlan" "After day 28". */
    private static String title(String key) {
        if (key.equals("afterPlan")) {
            return "After day 28";
        }
        return key.charAt(0) + key.substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
